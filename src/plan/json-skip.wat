;; The container skip of json-bytes.ts (skipContainer) over 64-byte blocks
;; with 128-bit SIMD, its object walk (scanObject) for the entries' keys,
;; separators and value ends, and its walks of state resources
;; (scanResources) for their "mode" and "depends_on" and of changes
;; (scanChanges) for what makes a quiet no-op. Assembled by scripts/build-wasm.js into
;; json-skip-wasm.ts; json-skip.ts instantiates it on each plan buffer.
;;
;; Memory layout (the memory is imported, one per plan buffer; the
;; addresses of the walk areas and of the key table are json-skip.ts's):
;;   [0, limit]           the bracket stack (the caller keeps limit below
;;                        4096)
;;   [4096, 20480)        16 walk areas of 1024 bytes (see entries,
;;                        resources and changes)
;;   [20480, 86016)       the key table: 1024 slots of 64 bytes (see $intern)
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
  ;;   -6  (skip_container only) past the budget: the caller decides
  ;; Addresses are unsigned; a length is below 2^31 when the data is.
  (func (export "skip")
    (param $start i32) (param $end i32) (param $depth i32) (param $limit i32)
    (result i32)
    (call $skip_container (local.get $start) (local.get $end)
      (local.get $depth) (local.get $limit) (i32.const -1)))

  ;; skip, giving up with -6 once it has read past $budget bytes (unsigned)
  ;; from $start without finding the container's end.
  (func $skip_container
    (param $start i32) (param $end i32) (param $depth i32) (param $limit i32)
    (param $budget i32)
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
      (if (i32.lt_u (local.get $block) (local.get $end))
        (then
          (if (i32.gt_u (i32.sub (local.get $block) (local.get $start))
                (local.get $budget))
            (then (return (i32.const -6))))
          (br $blocks))))
    (if (result i32) (i64.eqz (local.get $in_string))
      (then (i32.const -1))
      (else (i32.const -2))))

  ;; Walks the entries of the object whose opening brace is at $base + $at
  ;; ($first = 1), or goes on after the value that ends there ($first = 0),
  ;; in data that ends at $base + $size, as json-bytes.ts's scanObject walks
  ;; them: its values nested in $depth containers, with at most $limit levels.
  ;; Entries are written from $out + 16 on, 20 bytes each: the offsets (from
  ;; $base) of the key's quotes, of the value's start and of its end, and
  ;; the key's id in the key table at $keys (see $intern). Returns how many,
  ;; after it stores at $out a status, at $out + 4 an offset and at $out + 8
  ;; how many of the entries put their key in the table:
  ;;   0  the object ends: the offset is past its closing brace
  ;;   1  50 entries written, more follow: go on after the last one
  ;;   2  the last entry's value is a container longer than $budget bytes:
  ;;      its end is left to the caller (written as -1)
  ;;   3  the walk stopped before something it does not decide (a problem
  ;;      of the JSON, or a backslash outside a string): the caller walks on
  ;;      after the last entry, and finds the problem itself
  (func (export "entries")
    (param $base i32) (param $at i32) (param $size i32) (param $depth i32)
    (param $limit i32) (param $out i32) (param $first i32) (param $budget i32)
    (param $keys i32)
    (result i32)
    (local $p i32)
    (local $end i32)
    (local $count i32)
    (local $slot i32)
    (local $after i32)
    (local $key i32)
    (local $close i32)
    (local $value i32)
    (local $c i32)
    (local $length i32)
    (local $id i32)
    (local $fresh i32)
    (local.set $p (i32.add (local.get $base) (local.get $at)))
    (local.set $end (i32.add (local.get $base) (local.get $size)))
    (local.set $slot (i32.add (local.get $out) (i32.const 16)))
    (block $bail
      (block $closed
        (if (local.get $first)
          (then
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (if (i32.lt_u (local.get $p) (local.get $end))
              (then
                (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20))
                  (then
                    (local.set $p
                      (call $skip_space (local.get $p) (local.get $end)))))))
            (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
            (br_if $closed (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7d))))
          (else (local.set $after (i32.const 1))))
        (loop $entries
          (if (local.get $after)
            (then
              (if (i32.eq (local.get $count) (i32.const 50))
                (then
                  (i32.store (local.get $out) (i32.const 1))
                  (i32.store offset=8 (local.get $out) (local.get $fresh))
                  (return (local.get $count))))
              (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $c (i32.load8_u (local.get $p)))
              (if (i32.le_u (local.get $c) (i32.const 0x20))
                (then
                  (local.set $p (call $skip_space (local.get $p) (local.get $end)))
                  (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
                  (local.set $c (i32.load8_u (local.get $p)))))
              (br_if $closed (i32.eq (local.get $c) (i32.const 0x7d)))
              (br_if $bail (i32.ne (local.get $c) (i32.const 0x2c)))
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (if (i32.lt_u (local.get $p) (local.get $end))
                (then
                  (if (i32.le_u (i32.load8_u (local.get $p)) (i32.const 0x20))
                    (then
                      (local.set $p
                        (call $skip_space (local.get $p) (local.get $end)))))))))
          (local.set $after (i32.const 1))
          ;; The key.
          (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
          (br_if $bail (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x22)))
          (local.set $key (local.get $p))
          (local.set $close (call $string_end (local.get $p) (local.get $end)))
          (br_if $bail (i32.eqz (local.get $close)))
          (local.set $p (i32.add (local.get $close) (i32.const 1)))
          (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
          (local.set $c (i32.load8_u (local.get $p)))
          (if (i32.le_u (local.get $c) (i32.const 0x20))
            (then
              (local.set $p (call $skip_space (local.get $p) (local.get $end)))
              (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $c (i32.load8_u (local.get $p)))))
          (br_if $bail (i32.ne (local.get $c) (i32.const 0x3a)))
          ;; The value.
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
          (local.set $c (i32.load8_u (local.get $p)))
          (if (i32.le_u (local.get $c) (i32.const 0x20))
            (then
              (local.set $p (call $skip_space (local.get $p) (local.get $end)))
              (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $c (i32.load8_u (local.get $p)))))
          (local.set $value (local.get $p))
          (block $ended
            (if (i32.eq (local.get $c) (i32.const 0x22))
              (then
                (local.set $p (call $string_end (local.get $p) (local.get $end)))
                (br_if $bail (i32.eqz (local.get $p)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $ended)))
            ;; [ and { (0x5b, 0x7b).
            (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7b))
              (then
                (local.set $length
                  (call $skip_container (local.get $p) (local.get $end)
                    (local.get $depth) (local.get $limit) (local.get $budget)))
                (if (i32.ge_s (local.get $length) (i32.const 0))
                  (then
                    (local.set $p (i32.add (local.get $p) (local.get $length)))
                    (br $ended)))
                (br_if $bail (i32.ne (local.get $length) (i32.const -6)))
                (local.set $p (i32.const -1))
                (br $ended)))
            ;; A scalar: - 0-9 t f n, then up to a delimiter, as scalarEnd.
            (br_if $bail
              (i32.eqz
                (i32.or
                  (i32.or
                    (i32.eq (local.get $c) (i32.const 0x2d))
                    (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30))
                      (i32.const 10)))
                  (i32.or
                    (i32.eq (local.get $c) (i32.const 0x74))
                    (i32.or
                      (i32.eq (local.get $c) (i32.const 0x66))
                      (i32.eq (local.get $c) (i32.const 0x6e)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (block $delimited
              (loop $scalar
                (br_if $delimited (i32.ge_u (local.get $p) (local.get $end)))
                (local.set $c (i32.load8_u (local.get $p)))
                ;; , } ] and whitespace
                (br_if $delimited
                  (i32.or
                    (i32.or
                      (i32.eq (local.get $c) (i32.const 0x2c))
                      (i32.eq (i32.or (local.get $c) (i32.const 0x20))
                        (i32.const 0x7d)))
                    (i32.and
                      (i32.le_u (local.get $c) (i32.const 0x20))
                      (i32.wrap_i64
                        (i64.shr_u (i64.const 0x100002600)
                          (i64.extend_i32_u (local.get $c)))))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $scalar))))
          ;; The entry: key, value, and (once the entry is whole) the key's id.
          (local.set $id (call $intern (local.get $keys) (local.get $key)
            (local.get $close)))
          (local.set $fresh
            (i32.add (local.get $fresh) (i32.lt_s (local.get $id) (i32.const -1))))
          (i32.store offset=0 (local.get $slot)
            (i32.sub (local.get $key) (local.get $base)))
          (i32.store offset=4 (local.get $slot)
            (i32.sub (local.get $close) (local.get $base)))
          (i32.store offset=8 (local.get $slot)
            (i32.sub (local.get $value) (local.get $base)))
          (i32.store offset=16 (local.get $slot) (local.get $id))
          (local.set $count (i32.add (local.get $count) (i32.const 1)))
          (if (i32.eq (local.get $p) (i32.const -1))
            (then
              (i32.store offset=12 (local.get $slot) (i32.const -1))
              (i32.store (local.get $out) (i32.const 2))
              (i32.store offset=8 (local.get $out) (local.get $fresh))
              (return (local.get $count))))
          (i32.store offset=12 (local.get $slot)
            (i32.sub (local.get $p) (local.get $base)))
          (local.set $slot (i32.add (local.get $slot) (i32.const 20)))
          (br $entries)))
      ;; $closed: $p is at the closing brace.
      (i32.store (local.get $out) (i32.const 0))
      (i32.store offset=4 (local.get $out)
        (i32.sub (i32.add (local.get $p) (i32.const 1)) (local.get $base)))
      (i32.store offset=8 (local.get $out) (local.get $fresh))
      (return (local.get $count)))
    (i32.store (local.get $out) (i32.const 3))
    (i32.store offset=8 (local.get $out) (local.get $fresh))
    (local.get $count))

  ;; Walks the elements of the array whose opening bracket is at $base + $at
  ;; ($first = 1), or goes on after the element that ends there ($first =
  ;; 0), in data that ends at $base + $size: the resources of a state
  ;; module, objects whose "mode" and "depends_on" json-bytes.ts's
  ;; scanResources reads. The array is nested in $depth containers (its
  ;; elements' values in $depth + 2), with at most $limit levels. For each
  ;; element it decides, it writes from $out + 16 on, 20 bytes each: the
  ;; offsets (from $base) of the element's start and end, of the last
  ;; "mode" value's start and end (-1 and -1 when there is none), and flags:
  ;; 1 when a key is "depends_on", plus 2 when the last "mode" value is
  ;; exactly "data", 4 when it is exactly "managed", 6 when it is anything
  ;; else (the caller parses it). Keys are compared as bytes: an element
  ;; with a backslash in a key is not decided. Returns how many, after it
  ;; stores at $out a status and at $out + 4 an offset:
  ;;   0  the array ends: the offset is past its closing bracket
  ;;   1  $max elements written, more may follow: go on after the last one
  ;;   3  the walk stopped before an element it does not decide (not an
  ;;      object, a key with a backslash, nesting past $limit, a problem of
  ;;      the JSON, a backslash outside a string): the offset is the end of
  ;;      the last element written (or $at), and the caller walks on there
  (func (export "resources")
    (param $base i32) (param $at i32) (param $size i32) (param $depth i32)
    (param $limit i32) (param $out i32) (param $first i32) (param $max i32)
    (result i32)
    (local $p i32)
    (local $end i32)
    (local $count i32)
    (local $slot i32)
    (local $after i32)
    (local $resume i32)
    (local $c i32)
    (local $element i32)
    (local.set $p (i32.add (local.get $base) (local.get $at)))
    (local.set $resume (local.get $p))
    (local.set $end (i32.add (local.get $base) (local.get $size)))
    (local.set $slot (i32.add (local.get $out) (i32.const 16)))
    (block $bail
      ;; An element would be deeper than the limit: the caller says so.
      (br_if $bail
        (i32.gt_u (i32.add (local.get $depth) (i32.const 2)) (local.get $limit)))
      (block $closed
        (if (local.get $first)
          (then
            (local.set $p (call $skip_space
              (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
            (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
            (br_if $closed (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x5d))))
          (else (local.set $after (i32.const 1))))
        (loop $elements
          (if (local.get $after)
            (then
              (if (i32.eq (local.get $count) (local.get $max))
                (then
                  (i32.store (local.get $out) (i32.const 1))
                  (i32.store offset=4 (local.get $out)
                    (i32.sub (local.get $p) (local.get $base)))
                  (return (local.get $count))))
              (local.set $p (call $skip_space (local.get $p) (local.get $end)))
              (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $c (i32.load8_u (local.get $p)))
              (br_if $closed (i32.eq (local.get $c) (i32.const 0x5d)))
              (br_if $bail (i32.ne (local.get $c) (i32.const 0x2c)))
              (local.set $p (call $skip_space
                (i32.add (local.get $p) (i32.const 1)) (local.get $end)))))
          (local.set $after (i32.const 1))
          (local.set $element
            (call $resource (local.get $p) (local.get $end)
              (i32.add (local.get $depth) (i32.const 2)) (local.get $limit)))
          (br_if $bail (i32.eqz (local.get $element)))
          (i32.store offset=0 (local.get $slot)
            (i32.sub (local.get $p) (local.get $base)))
          (i32.store offset=4 (local.get $slot)
            (i32.sub (local.get $element) (local.get $base)))
          (if (global.get $mode_end)
            (then
              (i32.store offset=8 (local.get $slot)
                (i32.sub (global.get $mode_start) (local.get $base)))
              (i32.store offset=12 (local.get $slot)
                (i32.sub (global.get $mode_end) (local.get $base))))
            (else
              (i32.store offset=8 (local.get $slot) (i32.const -1))
              (i32.store offset=12 (local.get $slot) (i32.const -1))))
          (i32.store offset=16 (local.get $slot)
            (i32.or (global.get $depends) (global.get $mode_kind)))
          (local.set $slot (i32.add (local.get $slot) (i32.const 20)))
          (local.set $count (i32.add (local.get $count) (i32.const 1)))
          (local.set $p (local.get $element))
          (local.set $resume (local.get $element))
          (br $elements)))
      ;; $closed: $p is at the closing bracket.
      (i32.store (local.get $out) (i32.const 0))
      (i32.store offset=4 (local.get $out)
        (i32.sub (i32.add (local.get $p) (i32.const 1)) (local.get $base)))
      (return (local.get $count)))
    (i32.store (local.get $out) (i32.const 3))
    (i32.store offset=4 (local.get $out)
      (i32.sub (local.get $resume) (local.get $base)))
    (local.get $count))

  ;; Set by $resource: the address of the last "mode" value and of its end
  ;; (both 0 when there is none), its kind (the flags of `resources`: 0
  ;; none, 2 "data", 4 "managed", 6 other), and 1 when a key is
  ;; "depends_on".
  (global $mode_start (mut i32) (i32.const 0))
  (global $mode_end (mut i32) (i32.const 0))
  (global $mode_kind (mut i32) (i32.const 0))
  (global $depends (mut i32) (i32.const 0))

  ;; Walks the object whose opening brace is at $p, its values nested in
  ;; $depth containers, as `entries` walks one (the same checks of keys,
  ;; separators and values); returns the address past its closing brace,
  ;; or 0 when it does not decide the object (see `resources`).
  (func $resource (param $p i32) (param $end i32) (param $depth i32)
    (param $limit i32) (result i32)
    (local $c i32)
    (local $key i32)
    (local $close i32)
    (local $value i32)
    (local $length i32)
    (local $i i32)
    (global.set $mode_start (i32.const 0))
    (global.set $mode_end (i32.const 0))
    (global.set $mode_kind (i32.const 0))
    (global.set $depends (i32.const 0))
    (if (i32.ge_u (local.get $p) (local.get $end))
      (then (return (i32.const 0))))
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x7b))
      (then (return (i32.const 0))))
    (local.set $p (call $skip_space
      (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
    (if (i32.ge_u (local.get $p) (local.get $end))
      (then (return (i32.const 0))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7d))
      (then (return (i32.add (local.get $p) (i32.const 1)))))
    (loop $entries
      ;; The key, without a backslash.
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x22))
        (then (return (i32.const 0))))
      (local.set $key (local.get $p))
      (local.set $close (call $string_end (local.get $p) (local.get $end)))
      (if (i32.eqz (local.get $close))
        (then (return (i32.const 0))))
      (local.set $i (i32.add (local.get $key) (i32.const 1)))
      (block $plain
        (loop $bytes
          (br_if $plain (i32.ge_u (local.get $i) (local.get $close)))
          (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 0x5c))
            (then (return (i32.const 0))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $bytes)))
      (local.set $length
        (i32.sub (i32.sub (local.get $close) (local.get $key)) (i32.const 1)))
      (local.set $p (call $skip_space
        (i32.add (local.get $close) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x3a))
        (then (return (i32.const 0))))
      ;; The value.
      (local.set $p (call $skip_space
        (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (local.set $value (local.get $p))
      (local.set $c (i32.load8_u (local.get $p)))
      (block $ended
        (if (i32.eq (local.get $c) (i32.const 0x22))
          (then
            (local.set $p (call $string_end (local.get $p) (local.get $end)))
            (if (i32.eqz (local.get $p))
              (then (return (i32.const 0))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $ended)))
        ;; [ and { (0x5b, 0x7b), followed to their end.
        (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7b))
          (then
            (local.set $c
              (call $skip_container (local.get $p) (local.get $end)
                (local.get $depth) (local.get $limit) (i32.const -1)))
            (if (i32.lt_s (local.get $c) (i32.const 0))
              (then (return (i32.const 0))))
            (local.set $p (i32.add (local.get $p) (local.get $c)))
            (br $ended)))
        ;; A scalar: - 0-9 t f n, then up to a delimiter, as scalarEnd.
        (if (i32.eqz
              (i32.or
                (i32.or
                  (i32.eq (local.get $c) (i32.const 0x2d))
                  (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30))
                    (i32.const 10)))
                (i32.or
                  (i32.eq (local.get $c) (i32.const 0x74))
                  (i32.or
                    (i32.eq (local.get $c) (i32.const 0x66))
                    (i32.eq (local.get $c) (i32.const 0x6e))))))
          (then (return (i32.const 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (block $delimited
          (loop $scalar
            (br_if $delimited (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $c (i32.load8_u (local.get $p)))
            ;; , } ] and whitespace
            (br_if $delimited
              (i32.or
                (i32.or
                  (i32.eq (local.get $c) (i32.const 0x2c))
                  (i32.eq (i32.or (local.get $c) (i32.const 0x20))
                    (i32.const 0x7d)))
                (i32.and
                  (i32.le_u (local.get $c) (i32.const 0x20))
                  (i32.wrap_i64
                    (i64.shr_u (i64.const 0x100002600)
                      (i64.extend_i32_u (local.get $c)))))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $scalar))))
      ;; "mode" (the last one counts, as in JSON.parse) and "depends_on".
      (if (i32.and
            (i32.eq (local.get $length) (i32.const 4))
            (i32.eq (i32.load offset=1 (local.get $key)) (i32.const 0x65646f6d)))
        (then
          (global.set $mode_start (local.get $value))
          (global.set $mode_end (local.get $p))
          (global.set $mode_kind (i32.const 6))
          ;; "data": 6 bytes, quotes included.
          (if (i32.and
                (i32.eq (i32.sub (local.get $p) (local.get $value)) (i32.const 6))
                (i32.and
                  (i32.eq (i32.load offset=1 (local.get $value))
                    (i32.const 0x61746164))
                  (i32.and
                    (i32.eq (i32.load8_u (local.get $value)) (i32.const 0x22))
                    (i32.eq (i32.load8_u offset=5 (local.get $value))
                      (i32.const 0x22)))))
            (then (global.set $mode_kind (i32.const 2))))
          ;; "managed": 9 bytes, quotes included.
          (if (i32.and
                (i32.eq (i32.sub (local.get $p) (local.get $value)) (i32.const 9))
                (i32.and
                  (i64.eq (i64.load (local.get $value))
                    (i64.const 0x646567616e616d22))
                  (i32.eq (i32.load8_u offset=8 (local.get $value))
                    (i32.const 0x22))))
            (then (global.set $mode_kind (i32.const 4))))))
      (if (i32.eq (local.get $length) (i32.const 10))
        (then
          (if (i32.and
                (i64.eq (i64.load offset=1 (local.get $key))
                  (i64.const 0x5f73646e65706564))
                (i32.eq (i32.load16_u offset=9 (local.get $key))
                  (i32.const 0x6e6f)))
            (then (global.set $depends (i32.const 1))))))
      ;; The separator.
      (local.set $p (call $skip_space (local.get $p) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $c) (i32.const 0x7d))
        (then (return (i32.add (local.get $p) (i32.const 1)))))
      (if (i32.ne (local.get $c) (i32.const 0x2c))
        (then (return (i32.const 0))))
      (local.set $p (call $skip_space
        (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (br $entries))
    (unreachable))

  ;; Walks the elements of the array whose opening bracket is at $base + $at
  ;; ($first = 1), or goes on after the element that ends there ($first =
  ;; 0), in data that ends at $base + $size: the changes of
  ;; resource_changes, whose "change" json-bytes.ts's scanChanges reads. The
  ;; array is nested in $depth containers, with at most $limit levels. For
  ;; each element it decides, it writes 64 bytes from $out + 16 on, 16 words:
  ;; the offsets (from $base) of the element's start and end; flags (see
  ;; CHANGE_* in json-bytes.ts: 1 the element has a "change", 2 the last one
  ;; is an object, 4 one of its "before_sensitive" and "after_sensitive"
  ;; values holds the bytes true, 8 its last "actions" is exactly
  ;; ["no-op"]); the offsets of that "actions" value's start and end (-1
  ;; and -1: none); how many values of the keys a quiet no-op leaves out
  ;; ("before", "after", "after_unknown", "before_sensitive",
  ;; "after_sensitive") the last "change" has, at most 5; and their starts
  ;; and ends, in order. Keys are compared as bytes: an element with a
  ;; backslash in a key, or with more such values, is not decided. Returns
  ;; how many elements it wrote, after it stores at $out a status and at
  ;; $out + 4 an offset, as `resources` does.
  (func (export "changes")
    (param $base i32) (param $at i32) (param $size i32) (param $depth i32)
    (param $limit i32) (param $out i32) (param $first i32) (param $max i32)
    (result i32)
    (local $p i32)
    (local $end i32)
    (local $count i32)
    (local $slot i32)
    (local $after i32)
    (local $resume i32)
    (local $c i32)
    (local $element i32)
    (local $k i32)
    (local.set $p (i32.add (local.get $base) (local.get $at)))
    (local.set $resume (local.get $p))
    (local.set $end (i32.add (local.get $base) (local.get $size)))
    (local.set $slot (i32.add (local.get $out) (i32.const 16)))
    (block $bail
      (br_if $bail
        (i32.gt_u (i32.add (local.get $depth) (i32.const 2)) (local.get $limit)))
      (block $closed
        (if (local.get $first)
          (then
            (local.set $p (call $skip_space
              (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
            (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
            (br_if $closed (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x5d))))
          (else (local.set $after (i32.const 1))))
        (loop $elements
          (if (local.get $after)
            (then
              (if (i32.eq (local.get $count) (local.get $max))
                (then
                  (i32.store (local.get $out) (i32.const 1))
                  (i32.store offset=4 (local.get $out)
                    (i32.sub (local.get $p) (local.get $base)))
                  (return (local.get $count))))
              (local.set $p (call $skip_space (local.get $p) (local.get $end)))
              (br_if $bail (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $c (i32.load8_u (local.get $p)))
              (br_if $closed (i32.eq (local.get $c) (i32.const 0x5d)))
              (br_if $bail (i32.ne (local.get $c) (i32.const 0x2c)))
              (local.set $p (call $skip_space
                (i32.add (local.get $p) (i32.const 1)) (local.get $end)))))
          (local.set $after (i32.const 1))
          (local.set $element
            (call $change_element (local.get $p) (local.get $end)
              (i32.add (local.get $depth) (i32.const 2)) (local.get $limit)
              (i32.add (local.get $slot) (i32.const 24))))
          (br_if $bail (i32.eqz (local.get $element)))
          (i32.store offset=0 (local.get $slot)
            (i32.sub (local.get $p) (local.get $base)))
          (i32.store offset=4 (local.get $slot)
            (i32.sub (local.get $element) (local.get $base)))
          (i32.store offset=8 (local.get $slot) (global.get $change_flags))
          (if (global.get $actions_end)
            (then
              (i32.store offset=12 (local.get $slot)
                (i32.sub (global.get $actions_start) (local.get $base)))
              (i32.store offset=16 (local.get $slot)
                (i32.sub (global.get $actions_end) (local.get $base))))
            (else
              (i32.store offset=12 (local.get $slot) (i32.const -1))
              (i32.store offset=16 (local.get $slot) (i32.const -1))))
          (i32.store offset=20 (local.get $slot) (global.get $quiet_count))
          ;; The quiet values were written as addresses: offsets from $base.
          (local.set $k (i32.const 0))
          (block $offsets
            (loop $ranges
              (br_if $offsets
                (i32.ge_u (local.get $k)
                  (i32.shl (global.get $quiet_count) (i32.const 3))))
              (i32.store offset=24
                (i32.add (local.get $slot) (local.get $k))
                (i32.sub
                  (i32.load offset=24 (i32.add (local.get $slot) (local.get $k)))
                  (local.get $base)))
              (local.set $k (i32.add (local.get $k) (i32.const 4)))
              (br $ranges)))
          (local.set $slot (i32.add (local.get $slot) (i32.const 64)))
          (local.set $count (i32.add (local.get $count) (i32.const 1)))
          (local.set $p (local.get $element))
          (local.set $resume (local.get $element))
          (br $elements)))
      ;; $closed: $p is at the closing bracket.
      (i32.store (local.get $out) (i32.const 0))
      (i32.store offset=4 (local.get $out)
        (i32.sub (i32.add (local.get $p) (i32.const 1)) (local.get $base)))
      (return (local.get $count)))
    (i32.store (local.get $out) (i32.const 3))
    (i32.store offset=4 (local.get $out)
      (i32.sub (local.get $resume) (local.get $base)))
    (local.get $count))

  ;; Set by $change_element and $change_object for `changes`: the flags, the
  ;; addresses of the last "actions" value and of its end (0 when none), and
  ;; how many quiet values were written.
  (global $change_flags (mut i32) (i32.const 0))
  (global $actions_start (mut i32) (i32.const 0))
  (global $actions_end (mut i32) (i32.const 0))
  (global $quiet_count (mut i32) (i32.const 0))

  ;; The address past the value at $p (its first byte, below $end), nested
  ;; in $depth containers, as `entries` skips one; 0 when it does not decide
  ;; it.
  (func $value_end (param $p i32) (param $end i32) (param $depth i32)
    (param $limit i32) (result i32)
    (local $c i32)
    (local.set $c (i32.load8_u (local.get $p)))
    (if (i32.eq (local.get $c) (i32.const 0x22))
      (then
        (local.set $p (call $string_end (local.get $p) (local.get $end)))
        (if (i32.eqz (local.get $p))
          (then (return (i32.const 0))))
        (return (i32.add (local.get $p) (i32.const 1)))))
    ;; [ and { (0x5b, 0x7b), followed to their end.
    (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7b))
      (then
        (local.set $c
          (call $skip_container (local.get $p) (local.get $end)
            (local.get $depth) (local.get $limit) (i32.const -1)))
        (if (i32.lt_s (local.get $c) (i32.const 0))
          (then (return (i32.const 0))))
        (return (i32.add (local.get $p) (local.get $c)))))
    ;; A scalar: - 0-9 t f n, then up to a delimiter, as scalarEnd.
    (if (i32.eqz
          (i32.or
            (i32.or
              (i32.eq (local.get $c) (i32.const 0x2d))
              (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30))
                (i32.const 10)))
            (i32.or
              (i32.eq (local.get $c) (i32.const 0x74))
              (i32.or
                (i32.eq (local.get $c) (i32.const 0x66))
                (i32.eq (local.get $c) (i32.const 0x6e))))))
      (then (return (i32.const 0))))
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $delimited
      (loop $scalar
        (br_if $delimited (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        ;; , } ] and whitespace
        (br_if $delimited
          (i32.or
            (i32.or
              (i32.eq (local.get $c) (i32.const 0x2c))
              (i32.eq (i32.or (local.get $c) (i32.const 0x20))
                (i32.const 0x7d)))
            (i32.and
              (i32.le_u (local.get $c) (i32.const 0x20))
              (i32.wrap_i64
                (i64.shr_u (i64.const 0x100002600)
                  (i64.extend_i32_u (local.get $c)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $scalar)))
    (local.get $p))

  ;; The address of the closing quote of the key whose opening quote is at
  ;; $p, when the key has no backslash; 0 otherwise.
  (func $plain_key (param $p i32) (param $end i32) (result i32)
    (local $close i32)
    (local $i i32)
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x22))
      (then (return (i32.const 0))))
    (local.set $close (call $string_end (local.get $p) (local.get $end)))
    (if (i32.eqz (local.get $close))
      (then (return (i32.const 0))))
    (local.set $i (i32.add (local.get $p) (i32.const 1)))
    (block $plain
      (loop $bytes
        (br_if $plain (i32.ge_u (local.get $i) (local.get $close)))
        (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 0x5c))
          (then (return (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $bytes)))
    (local.get $close))

  ;; Walks the element (a change) whose opening brace is at $p, its values
  ;; nested in $depth containers; the last "change" is walked by
  ;; $change_object, which writes its quiet values at $quiet. Returns the
  ;; address past the element, or 0 when it does not decide it.
  (func $change_element (param $p i32) (param $end i32) (param $depth i32)
    (param $limit i32) (param $quiet i32) (result i32)
    (local $c i32)
    (local $key i32)
    (local $close i32)
    (global.set $change_flags (i32.const 0))
    (global.set $actions_start (i32.const 0))
    (global.set $actions_end (i32.const 0))
    (global.set $quiet_count (i32.const 0))
    (if (i32.ge_u (local.get $p) (local.get $end))
      (then (return (i32.const 0))))
    (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x7b))
      (then (return (i32.const 0))))
    (local.set $p (call $skip_space
      (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
    (if (i32.ge_u (local.get $p) (local.get $end))
      (then (return (i32.const 0))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7d))
      (then (return (i32.add (local.get $p) (i32.const 1)))))
    (loop $entries
      (local.set $key (local.get $p))
      (local.set $close (call $plain_key (local.get $p) (local.get $end)))
      (if (i32.eqz (local.get $close))
        (then (return (i32.const 0))))
      (local.set $p (call $skip_space
        (i32.add (local.get $close) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x3a))
        (then (return (i32.const 0))))
      (local.set $p (call $skip_space
        (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      ;; "change": the last one counts, as in JSON.parse.
      (if (i32.and
            (i32.eq (i32.sub (local.get $close) (local.get $key)) (i32.const 7))
            (i32.and
              (i32.eq (i32.load offset=1 (local.get $key)) (i32.const 0x6e616863))
              (i32.eq (i32.load16_u offset=5 (local.get $key))
                (i32.const 0x6567))))
        (then
          (global.set $change_flags (i32.const 1))
          (global.set $actions_start (i32.const 0))
          (global.set $actions_end (i32.const 0))
          (global.set $quiet_count (i32.const 0))
          (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7b))
            (then
              ;; Its values are one level deeper than the element's.
              (if (i32.gt_u (i32.add (local.get $depth) (i32.const 1))
                    (local.get $limit))
                (then (return (i32.const 0))))
              (local.set $p
                (call $change_object (local.get $p) (local.get $end)
                  (i32.add (local.get $depth) (i32.const 1)) (local.get $limit)
                  (local.get $quiet))))
            (else
              (local.set $p
                (call $value_end (local.get $p) (local.get $end)
                  (local.get $depth) (local.get $limit))))))
        (else
          (local.set $p
            (call $value_end (local.get $p) (local.get $end)
              (local.get $depth) (local.get $limit)))))
      (if (i32.eqz (local.get $p))
        (then (return (i32.const 0))))
      ;; The separator.
      (local.set $p (call $skip_space (local.get $p) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $c) (i32.const 0x7d))
        (then (return (i32.add (local.get $p) (i32.const 1)))))
      (if (i32.ne (local.get $c) (i32.const 0x2c))
        (then (return (i32.const 0))))
      (local.set $p (call $skip_space
        (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (br $entries))
    (unreachable))

  ;; Walks a change object whose opening brace is at $p, its values nested
  ;; in $depth containers: sets the flags 2, 4 and 8 of `changes`, the last
  ;; "actions" value, and writes the ranges of the quiet values at $quiet
  ;; (addresses, at most 5). Returns the address past the object, or 0 when
  ;; it does not decide it.
  (func $change_object (param $p i32) (param $end i32) (param $depth i32)
    (param $limit i32) (param $quiet i32) (result i32)
    (local $c i32)
    (local $key i32)
    (local $close i32)
    (local $length i32)
    (local $value i32)
    (local $kind i32)
    (local $i i32)
    (global.set $change_flags (i32.const 3))
    (local.set $p (call $skip_space
      (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
    (if (i32.ge_u (local.get $p) (local.get $end))
      (then (return (i32.const 0))))
    (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x7d))
      (then (return (i32.add (local.get $p) (i32.const 1)))))
    (loop $entries
      (local.set $key (local.get $p))
      (local.set $close (call $plain_key (local.get $p) (local.get $end)))
      (if (i32.eqz (local.get $close))
        (then (return (i32.const 0))))
      (local.set $length
        (i32.sub (i32.sub (local.get $close) (local.get $key)) (i32.const 1)))
      (local.set $p (call $skip_space
        (i32.add (local.get $close) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x3a))
        (then (return (i32.const 0))))
      (local.set $p (call $skip_space
        (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (local.set $value (local.get $p))
      (local.set $p
        (call $value_end (local.get $p) (local.get $end) (local.get $depth)
          (local.get $limit)))
      (if (i32.eqz (local.get $p))
        (then (return (i32.const 0))))
      ;; The key: 0 another, 1 a quiet value, 2 a quiet mask, 3 "actions".
      (local.set $kind (i32.const 0))
      (block $known
        (if (i32.eq (local.get $length) (i32.const 7))
          (then
            (if (i32.and
                  (i32.eq (i32.load offset=1 (local.get $key))
                    (i32.const 0x69746361))
                  (i32.and
                    (i32.eq (i32.load16_u offset=5 (local.get $key))
                      (i32.const 0x6e6f))
                    (i32.eq (i32.load8_u offset=7 (local.get $key))
                      (i32.const 0x73))))
              (then (local.set $kind (i32.const 3))))
            (br $known)))
        ;; "before"
        (if (i32.eq (local.get $length) (i32.const 6))
          (then
            (if (i32.and
                  (i32.eq (i32.load offset=1 (local.get $key))
                    (i32.const 0x6f666562))
                  (i32.eq (i32.load16_u offset=5 (local.get $key))
                    (i32.const 0x6572)))
              (then (local.set $kind (i32.const 1))))
            (br $known)))
        ;; "after"
        (if (i32.eq (local.get $length) (i32.const 5))
          (then
            (if (i32.and
                  (i32.eq (i32.load offset=1 (local.get $key))
                    (i32.const 0x65746661))
                  (i32.eq (i32.load8_u offset=5 (local.get $key))
                    (i32.const 0x72)))
              (then (local.set $kind (i32.const 1))))
            (br $known)))
        ;; "after_unknown"
        (if (i32.eq (local.get $length) (i32.const 13))
          (then
            (if (i32.and
                  (i64.eq (i64.load offset=1 (local.get $key))
                    (i64.const 0x6e755f7265746661))
                  (i32.and
                    (i32.eq (i32.load offset=9 (local.get $key))
                      (i32.const 0x776f6e6b))
                    (i32.eq (i32.load8_u offset=13 (local.get $key))
                      (i32.const 0x6e))))
              (then (local.set $kind (i32.const 1))))
            (br $known)))
        ;; "before_sensitive"
        (if (i32.eq (local.get $length) (i32.const 16))
          (then
            (if (i32.and
                  (i64.eq (i64.load offset=1 (local.get $key))
                    (i64.const 0x735f65726f666562))
                  (i64.eq (i64.load offset=9 (local.get $key))
                    (i64.const 0x6576697469736e65)))
              (then (local.set $kind (i32.const 2))))
            (br $known)))
        ;; "after_sensitive"
        (if (i32.eq (local.get $length) (i32.const 15))
          (then
            (if (i32.and
                  (i64.eq (i64.load offset=1 (local.get $key))
                    (i64.const 0x65735f7265746661))
                  (i32.and
                    (i32.eq (i32.load offset=9 (local.get $key))
                      (i32.const 0x7469736e))
                    (i32.and
                      (i32.eq (i32.load16_u offset=13 (local.get $key))
                        (i32.const 0x7669))
                      (i32.eq (i32.load8_u offset=15 (local.get $key))
                        (i32.const 0x65)))))
              (then (local.set $kind (i32.const 2)))))))
      (if (i32.eq (local.get $kind) (i32.const 3))
        (then
          (global.set $actions_start (local.get $value))
          (global.set $actions_end (local.get $p))
          ;; ["no-op"], written as Terraform writes it: 9 bytes.
          (if (i32.and
                (i32.eq (i32.sub (local.get $p) (local.get $value)) (i32.const 9))
                (i32.and
                  (i64.eq (i64.load (local.get $value))
                    (i64.const 0x22706f2d6f6e225b))
                  (i32.eq (i32.load8_u offset=8 (local.get $value))
                    (i32.const 0x5d))))
            (then
              (global.set $change_flags
                (i32.or (global.get $change_flags) (i32.const 8))))
            (else
              (global.set $change_flags
                (i32.and (global.get $change_flags) (i32.const -9)))))))
      (if (i32.and (i32.ne (local.get $kind) (i32.const 0))
            (i32.ne (local.get $kind) (i32.const 3)))
        (then
          (if (i32.eq (global.get $quiet_count) (i32.const 5))
            (then (return (i32.const 0))))
          (i32.store
            (i32.add (local.get $quiet) (i32.shl (global.get $quiet_count) (i32.const 3)))
            (local.get $value))
          (i32.store offset=4
            (i32.add (local.get $quiet) (i32.shl (global.get $quiet_count) (i32.const 3)))
            (local.get $p))
          (global.set $quiet_count (i32.add (global.get $quiet_count) (i32.const 1)))
          ;; A mask that holds true may mark something.
          (if (i32.eq (local.get $kind) (i32.const 2))
            (then
              (local.set $i (local.get $value))
              (block $searched
                (loop $bytes
                  (br_if $searched
                    (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $p)))
                  (if (i32.eq (i32.load (local.get $i)) (i32.const 0x65757274))
                    (then
                      (global.set $change_flags
                        (i32.or (global.get $change_flags) (i32.const 4)))
                      (br $searched)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $bytes)))))))
      ;; The separator.
      (local.set $p (call $skip_space (local.get $p) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $c) (i32.const 0x7d))
        (then (return (i32.add (local.get $p) (i32.const 1)))))
      (if (i32.ne (local.get $c) (i32.const 0x2c))
        (then (return (i32.const 0))))
      (local.set $p (call $skip_space
        (i32.add (local.get $p) (i32.const 1)) (local.get $end)))
      (if (i32.ge_u (local.get $p) (local.get $end))
        (then (return (i32.const 0))))
      (br $entries))
    (unreachable))

  ;; The id of the key whose quotes are at $open and $close in the table at
  ;; $keys: 1024 slots of 64 bytes, each empty (its first word 0) or holding
  ;; a key of up to 48 bytes without a backslash (its length + 1, then its
  ;; bytes from byte 16 on, zero-padded). A slot, once taken, keeps its key.
  ;; Returns the slot that holds the key, -2 - the slot where it was just
  ;; put, or -1 (the key is longer, has a backslash, or its slot is taken).
  (func $intern (param $keys i32) (param $open i32) (param $close i32)
    (result i32)
    (local $length i32)
    (local $a v128) (local $b v128) (local $c v128)
    (local $slot i32)
    (local $stored i32)
    (local.set $length
      (i32.sub (i32.sub (local.get $close) (local.get $open)) (i32.const 1)))
    (if (i32.gt_u (local.get $length) (i32.const 48))
      (then (return (i32.const -1))))
    ;; The key's bytes in three blocks, zero past its end (lane i is kept
    ;; when the bytes left exceed i).
    (local.set $a
      (v128.and (v128.load offset=1 (local.get $open))
        (i8x16.gt_s (i8x16.splat (local.get $length))
          (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))))
    (if (i32.gt_u (local.get $length) (i32.const 16))
      (then
        (local.set $b
          (v128.and (v128.load offset=17 (local.get $open))
            (i8x16.gt_s (i8x16.splat (i32.sub (local.get $length) (i32.const 16)))
              (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))))
        (local.set $c
          (v128.and (v128.load offset=33 (local.get $open))
            (i8x16.gt_s (i8x16.splat (i32.sub (local.get $length) (i32.const 32)))
              (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))))))
    (if (v128.any_true
          (v128.or
            (v128.or
              (i8x16.eq (local.get $a) (v128.const i8x16 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c))
              (i8x16.eq (local.get $b) (v128.const i8x16 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c)))
            (i8x16.eq (local.get $c) (v128.const i8x16 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c))))
      (then (return (i32.const -1))))
    ;; The slot: the top 10 bits of a multiplicative hash.
    (local.set $slot
      (i32.add (local.get $keys)
        (i32.shl
          (i32.wrap_i64
            (i64.shr_u
              (i64.xor
                (i64.xor
                  (i64.mul (i64x2.extract_lane 0 (local.get $a))
                    (i64.const 0x9E3779B97F4A7C15))
                  (i64.mul (i64x2.extract_lane 1 (local.get $a))
                    (i64.const 0xC2B2AE3D27D4EB4F)))
                (i64.xor
                  (i64.mul
                    (i64.xor (i64x2.extract_lane 0 (local.get $b))
                      (i64x2.extract_lane 0 (local.get $c)))
                    (i64.const 0x165667B19E3779F9))
                  (i64.mul
                    (i64.add
                      (i64.xor (i64x2.extract_lane 1 (local.get $b))
                        (i64x2.extract_lane 1 (local.get $c)))
                      (i64.extend_i32_u (local.get $length)))
                    (i64.const 0x27D4EB2F165667C5))))
              (i64.const 54)))
          (i32.const 6))))
    (local.set $stored (i32.load (local.get $slot)))
    (if (i32.eqz (local.get $stored))
      (then
        (i32.store (local.get $slot) (i32.add (local.get $length) (i32.const 1)))
        (v128.store offset=16 (local.get $slot) (local.get $a))
        (v128.store offset=32 (local.get $slot) (local.get $b))
        (v128.store offset=48 (local.get $slot) (local.get $c))
        (return
          (i32.sub (i32.const -2)
            (i32.shr_u (i32.sub (local.get $slot) (local.get $keys))
              (i32.const 6))))))
    (if (i32.ne (local.get $stored) (i32.add (local.get $length) (i32.const 1)))
      (then (return (i32.const -1))))
    (if (v128.any_true
          (v128.or
            (v128.or
              (v128.xor (local.get $a) (v128.load offset=16 (local.get $slot)))
              (v128.xor (local.get $b) (v128.load offset=32 (local.get $slot))))
            (v128.xor (local.get $c) (v128.load offset=48 (local.get $slot)))))
      (then (return (i32.const -1))))
    (i32.shr_u (i32.sub (local.get $slot) (local.get $keys)) (i32.const 6)))

  ;; The first address at or after $p, below $end, that is not whitespace
  ;; (space, tab, line feed, carriage return); $end when there is none.
  (func $skip_space (param $p i32) (param $end i32) (result i32)
    (local $c i32)
    (block $found
      (loop $bytes
        (br_if $found (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (br_if $found (i32.gt_u (local.get $c) (i32.const 0x20)))
        (br_if $found
          (i32.eqz
            (i32.wrap_i64
              (i64.and
                (i64.shr_u (i64.const 0x100002600) (i64.extend_i32_u (local.get $c)))
                (i64.const 1)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $bytes)))
    (local.get $p))

  ;; The address of the quote that closes the string whose opening quote is
  ;; at $p, found 16 bytes at a time, a backslash escaping the byte after it
  ;; (as stringEnd counts the backslashes before a quote); 0 when the data
  ;; ends first.
  (func $string_end (param $p i32) (param $end i32) (result i32)
    (local $chunk v128)
    (local $mask i32)
    (local $left i32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (loop $chunks
      (local.set $left (i32.sub (local.get $end) (local.get $p)))
      (if (i32.le_s (local.get $left) (i32.const 0))
        (then (return (i32.const 0))))
      (local.set $chunk (v128.load (local.get $p)))
      (local.set $mask
        (i8x16.bitmask
          (v128.or
            (i8x16.eq (local.get $chunk) (v128.const i8x16 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22 0x22))
            (i8x16.eq (local.get $chunk) (v128.const i8x16 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c 0x5c)))))
      ;; Nothing at or past $end.
      (if (i32.lt_u (local.get $left) (i32.const 16))
        (then
          (local.set $mask
            (i32.and (local.get $mask)
              (i32.sub (i32.shl (i32.const 1) (local.get $left)) (i32.const 1))))))
      (if (i32.eqz (local.get $mask))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br $chunks)))
      (local.set $p (i32.add (local.get $p) (i32.ctz (local.get $mask))))
      (if (i32.eq (i32.load8_u (local.get $p)) (i32.const 0x22))
        (then (return (local.get $p))))
      ;; A backslash: the byte after it is escaped.
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br $chunks))
    (unreachable)))
