;; The container skip of json-bytes.ts (skipContainer) over 64-byte blocks
;; with 128-bit SIMD. Assembled by scripts/build-wasm.js into
;; json-skip-wasm.ts; json-skip.ts instantiates it on each plan buffer.
;;
;; Memory layout (the memory is imported, one per plan buffer):
;;   [0, limit]           the bracket stack (the caller keeps limit below
;;                        the start of the data)
;;   [data, data + size)  the document, 64-byte aligned at its start
;;   64 bytes after it    zeros: a block load may read up to 63 bytes past
;;                        the end
;;
;; Each block gives 64-bit masks (bit k = byte k of the block): quotes,
;; backslashes and bracket candidates. Escaped characters are found as
;; simdjson's json_escape_scanner finds them, the inside of strings by a
;; prefix xor of the unescaped quotes, and the brackets outside strings are
;; then walked in order with ctz, as the JavaScript loop walks them.
;;
;; One difference in meaning: the JavaScript loop ignores a backslash outside
;; a string (it is not JSON, and it does not escape the quote after it),
;; where the masks would take it as an escape. A block with such a backslash
;; is not guessed at: the brackets before it are walked, and if the container
;; has not ended by then, skip returns -5 and the caller runs the JavaScript
;; loop over the whole container.
(module
  (import "plangate" "memory" (memory 0))

  ;; The address of the bracket behind the last -3 or -4.
  (global $error (mut i32) (i32.const 0))

  (func (export "errorAt") (result i32)
    (global.get $error))

  ;; Skips the array or object whose opening bracket is at address $start,
  ;; in data that ends at address $end, nested in $depth containers, with at
  ;; most $limit levels. Returns the container's length in bytes, or:
  ;;   -1  the data ends outside a string before the container does
  ;;   -2  the data ends inside a string
  ;;   -3  a closing bracket that does not match (its address in errorAt)
  ;;   -4  an opening bracket past the limit (its address in errorAt)
  ;;   -5  a backslash outside a string: run the JavaScript loop instead
  ;; Addresses are unsigned; a length is below 2^31 when the data is.
  (func (export "skip")
    (param $start i32) (param $end i32) (param $depth i32) (param $limit i32)
    (result i32)
    (local $block i32)
    (local $max_top i32)
    (local $top i32)
    (local $at i32)
    (local $byte i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $quote_splat v128)
    (local $backslash_splat v128)
    (local $bracket_or v128)
    (local $bracket_splat v128)
    (local $valid i64)
    (local $quote i64)
    (local $backslash i64)
    (local $bracket i64)
    (local $potential i64)
    (local $code i64)
    (local $escaped i64)
    (local $next_escaped i64)
    (local $inside i64)
    (local $in_string i64)
    (local $bad i64)
    (if (i32.ge_u (local.get $start) (local.get $end))
      (then (return (i32.const -1))))
    ;; The stack holds at most limit - depth brackets.
    (local.set $max_top (i32.sub (local.get $limit) (local.get $depth)))
    (local.set $quote_splat (i8x16.splat (i32.const 0x22)))
    (local.set $backslash_splat (i8x16.splat (i32.const 0x5c)))
    ;; c | 0x26 == 0x7f holds for [ ] { } and for Y _ y DEL, which cannot
    ;; stand outside a string in JSON; the walk below checks the byte.
    (local.set $bracket_or (i8x16.splat (i32.const 0x26)))
    (local.set $bracket_splat (i8x16.splat (i32.const 0x7f)))
    (local.set $block (i32.and (local.get $start) (i32.const -64)))
    ;; The first block: nothing before $start.
    (local.set $valid
      (i64.shl (i64.const -1)
        (i64.extend_i32_u (i32.and (local.get $start) (i32.const 63)))))
    (loop $blocks
      ;; The last block: nothing at or past $end.
      (if (i32.lt_u (i32.sub (local.get $end) (local.get $block)) (i32.const 64))
        (then
          (local.set $valid
            (i64.and (local.get $valid)
              (i64.sub
                (i64.shl (i64.const 1)
                  (i64.extend_i32_u (i32.sub (local.get $end) (local.get $block))))
                (i64.const 1))))))
      (local.set $v0 (v128.load offset=0 (local.get $block)))
      (local.set $v1 (v128.load offset=16 (local.get $block)))
      (local.set $v2 (v128.load offset=32 (local.get $block)))
      (local.set $v3 (v128.load offset=48 (local.get $block)))
      (local.set $quote
        (i64.and (local.get $valid)
          (i64.or
            (i64.or
              (i64.extend_i32_u
                (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $quote_splat))))
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $quote_splat))))
                (i64.const 16)))
            (i64.or
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $quote_splat))))
                (i64.const 32))
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $quote_splat))))
                (i64.const 48))))))
      (local.set $backslash
        (i64.and (local.get $valid)
          (i64.or
            (i64.or
              (i64.extend_i32_u
                (i8x16.bitmask (i8x16.eq (local.get $v0) (local.get $backslash_splat))))
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask (i8x16.eq (local.get $v1) (local.get $backslash_splat))))
                (i64.const 16)))
            (i64.or
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask (i8x16.eq (local.get $v2) (local.get $backslash_splat))))
                (i64.const 32))
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask (i8x16.eq (local.get $v3) (local.get $backslash_splat))))
                (i64.const 48))))))
      (local.set $bracket
        (i64.and (local.get $valid)
          (i64.or
            (i64.or
              (i64.extend_i32_u
                (i8x16.bitmask
                  (i8x16.eq (v128.or (local.get $v0) (local.get $bracket_or))
                    (local.get $bracket_splat))))
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask
                    (i8x16.eq (v128.or (local.get $v1) (local.get $bracket_or))
                      (local.get $bracket_splat))))
                (i64.const 16)))
            (i64.or
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask
                    (i8x16.eq (v128.or (local.get $v2) (local.get $bracket_or))
                      (local.get $bracket_splat))))
                (i64.const 32))
              (i64.shl
                (i64.extend_i32_u
                  (i8x16.bitmask
                    (i8x16.eq (v128.or (local.get $v3) (local.get $bracket_or))
                      (local.get $bracket_splat))))
                (i64.const 48))))))
      ;; Escaped characters (simdjson's json_escape_scanner).
      (if (i64.eqz (i64.or (local.get $backslash) (local.get $next_escaped)))
        (then (local.set $escaped (i64.const 0)))
        (else
          (local.set $potential
            (i64.and (local.get $backslash)
              (i64.xor (local.get $next_escaped) (i64.const -1))))
          (local.set $code
            (i64.xor
              (i64.sub
                (i64.or
                  (i64.shl (local.get $potential) (i64.const 1))
                  (i64.const 0xAAAAAAAAAAAAAAAA))
                (local.get $potential))
              (i64.const 0xAAAAAAAAAAAAAAAA)))
          (local.set $escaped
            (i64.xor (local.get $code)
              (i64.or (local.get $backslash) (local.get $next_escaped))))
          (local.set $next_escaped
            (i64.shr_u (i64.and (local.get $code) (local.get $backslash))
              (i64.const 63)))))
      ;; Inside strings: from an opening quote to the byte before its
      ;; closing quote, carried from the block before.
      (local.set $inside
        (i64.and (local.get $quote)
          (i64.xor (local.get $escaped) (i64.const -1))))
      (local.set $inside
        (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 1))))
      (local.set $inside
        (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 2))))
      (local.set $inside
        (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 4))))
      (local.set $inside
        (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 8))))
      (local.set $inside
        (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 16))))
      (local.set $inside
        (i64.xor (local.get $inside) (i64.shl (local.get $inside) (i64.const 32))))
      (local.set $inside (i64.xor (local.get $inside) (local.get $in_string)))
      (local.set $in_string (i64.shr_s (local.get $inside) (i64.const 63)))
      (local.set $bracket
        (i64.and (local.get $bracket)
          (i64.xor (local.get $inside) (i64.const -1))))
      ;; A backslash outside a string: only the brackets before it count.
      (local.set $bad
        (i64.and (local.get $backslash)
          (i64.xor (local.get $inside) (i64.const -1))))
      (if (i64.ne (local.get $bad) (i64.const 0))
        (then
          (local.set $bracket
            (i64.and (local.get $bracket)
              (i64.sub
                (i64.and (local.get $bad) (i64.sub (i64.const 0) (local.get $bad)))
                (i64.const 1))))))
      (block $walked
        (loop $brackets
          (br_if $walked (i64.eqz (local.get $bracket)))
          (local.set $at
            (i32.add (local.get $block)
              (i32.wrap_i64 (i64.ctz (local.get $bracket)))))
          (local.set $bracket
            (i64.and (local.get $bracket)
              (i64.sub (local.get $bracket) (i64.const 1))))
          (local.set $byte (i32.load8_u (local.get $at)))
          (if (i32.eq (i32.or (local.get $byte) (i32.const 0x20)) (i32.const 0x7b))
            (then
              (if (i32.ge_s (local.get $top) (local.get $max_top))
                (then
                  (global.set $error (local.get $at))
                  (return (i32.const -4))))
              (i32.store8 (local.get $top) (local.get $byte))
              (local.set $top (i32.add (local.get $top) (i32.const 1)))
              (br $brackets)))
          (if (i32.eq (i32.or (local.get $byte) (i32.const 0x20)) (i32.const 0x7d))
            (then
              (local.set $top (i32.sub (local.get $top) (i32.const 1)))
              ;; The closing bracket is the opening one plus two, for both kinds.
              (if (i32.ne (i32.load8_u (local.get $top))
                    (i32.sub (local.get $byte) (i32.const 2)))
                (then
                  (global.set $error (local.get $at))
                  (return (i32.const -3))))
              (if (i32.eqz (local.get $top))
                (then
                  (return
                    (i32.sub (i32.add (local.get $at) (i32.const 1))
                      (local.get $start)))))))
          (br $brackets)))
      (if (i64.ne (local.get $bad) (i64.const 0))
        (then (return (i32.const -5))))
      (local.set $valid (i64.const -1))
      (local.set $block (i32.add (local.get $block) (i32.const 64)))
      (br_if $blocks (i32.lt_u (local.get $block) (local.get $end))))
    (if (result i32) (i64.eqz (local.get $in_string))
      (then (i32.const -1))
      (else (i32.const -2)))))
