import { closeSync, constants, fstatSync, openSync } from 'node:fs'
import type { Stats } from 'node:fs'

/** A system error's code (`ENOENT`, `EACCES`), or '' for anything else. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : ''
}

/** What a path is, in words for messages: `a directory`, `a FIFO (named pipe)`. */
export function fileKind(stat: Stats): string {
  if (stat.isFile()) return 'a regular file'
  if (stat.isDirectory()) return 'a directory'
  if (stat.isCharacterDevice()) return 'a character device'
  if (stat.isBlockDevice()) return 'a block device'
  if (stat.isFIFO()) return 'a FIFO (named pipe)'
  if (stat.isSocket()) return 'a socket'
  return 'a special file'
}

/** A device, a FIFO or a socket: read as a stream that may never end. */
export function isSpecialFile(stat: Stats): boolean {
  return (
    stat.isCharacterDevice() ||
    stat.isBlockDevice() ||
    stat.isFIFO() ||
    stat.isSocket()
  )
}

/** Why a file could not be opened or read, in words (`no file at that path`). */
export function readProblem(error: unknown): string {
  const code = errorCode(error) || 'unknown'
  switch (code) {
    case 'ENOENT':
      return 'no file at that path'
    case 'EACCES':
    case 'EPERM':
      return 'a file plangate may not read (permission denied)'
    case 'EISDIR':
      return 'a directory'
    case 'ELOOP':
      return 'a loop of symbolic links (ELOOP)'
    case 'ENXIO':
      return 'a socket, or a device nothing is attached to (ENXIO)'
    default:
      return `a read error (${code})`
  }
}

/**
 * `read(fd, size)` on the regular file at `path`, or undefined when there
 * is none to read: no such file, one that cannot be opened or read (any
 * error of `read` too), or anything but a regular file (a directory, or a
 * link to a device or a FIFO, which could be read forever). Opened without
 * blocking, so that a FIFO with no writer does not hang the run.
 */
export function readRegularFile<T>(
  path: string,
  read: (fd: number, size: number) => T
): T | undefined {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch {
    return undefined
  }
  try {
    const stat = fstatSync(fd)
    return stat.isFile() ? read(fd, stat.size) : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}
