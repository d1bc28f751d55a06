;; Dense float32 matrix products with 128-bit SIMD, for the hand-fused training and slicing engines.
;; Pointers are byte offsets into the exported memory; matrices are row-major.
;;
;;   gemm(x, w, y, rows, inner, cols, accumulate, transA):
;;     Y[r][c] (+)= Σ_k A[r][k] · W[k][c]     with A = X ([rows][inner]) or, when transA ≠ 0, A = Xᵀ (X is [inner][rows]).
;;
;; Rows go four at a time: tiles of 4 rows × 8 columns keep their 8 four-float accumulators in registers while
;; k runs over the inner dimension (four broadcast A elements times two W vectors per step), then a 4 × 4 tile
;; and the last cols % 4 columns. The last rows % 4 rows go one at a time: blocks of 32 columns with 8
;; accumulators (one broadcast A element times one contiguous W row segment per step), the remaining columns
;; four at a time along rows of W and Y, and the last cols % 4 one at a time.
(module
  ;; The ziggurat's rare slow path needs e^x and ln x: JavaScript's own (so its draws are bit for bit those of
  ;; src/math/ziggurat.ts's JavaScript loop, which TrainingRun replays).
  (import "math" "exp" (func $exp (param f64) (result f64)))
  (import "math" "log" (func $log (param f64) (result f64)))
  (memory (export "memory") 1)
  (func (export "gemm")
    (param $x i32) (param $w i32) (param $y i32) (param $rows i32) (param $inner i32) (param $cols i32)
    (param $accumulate i32) (param $transA i32)
    (local $r i32) (local $k i32) (local $j i32)
    (local $rowBytes i32) (local $vecBytes i32) (local $blockBytes i32)
    (local $aStart i32) (local $aAddr i32) (local $aStep i32) (local $yRow i32) (local $wRow i32) (local $wPtr i32)
    (local $av v128) (local $a f32)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128) (local $acc4 v128) (local $acc5 v128) (local $acc6 v128) (local $acc7 v128)
    (local $aRow i32) (local $vec8Bytes i32) (local $y0 i32) (local $y1 i32) (local $y2 i32) (local $y3 i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $w0 v128) (local $w1 v128)
    (local $t00 v128) (local $t01 v128) (local $t10 v128) (local $t11 v128) (local $t20 v128) (local $t21 v128) (local $t30 v128) (local $t31 v128)
    (local $s0 f32) (local $s1 f32) (local $s2 f32) (local $s3 f32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $vecBytes (i32.shl (i32.and (local.get $cols) (i32.const -4)) (i32.const 2)))
    (local.set $blockBytes (i32.shl (i32.and (local.get $cols) (i32.const -32)) (i32.const 2)))
    (local.set $aStep (select (i32.shl (local.get $rows) (i32.const 2)) (i32.const 4) (local.get $transA)))

    ;; Blocks of 4 rows first: each W vector loaded feeds four rows (a quarter of the loads of one row at a
    ;; time, so W streams from the cache a quarter as often: the 784×100 and 784×500 layers live on this).
    ;; The sums are the same products added in the same k order as the one-row path, so the same bits.
    (local.set $aRow (select (i32.const 4) (i32.shl (local.get $inner) (i32.const 2)) (local.get $transA)))
    (local.set $vec8Bytes (i32.shl (i32.and (local.get $cols) (i32.const -8)) (i32.const 2)))
    (local.set $r (i32.const 0))
    (block $quadsDone (loop $quadLoop
      (br_if $quadsDone (i32.gt_u (i32.add (local.get $r) (i32.const 4)) (local.get $rows)))
      (local.set $y0 (i32.add (local.get $y) (i32.mul (local.get $r) (local.get $rowBytes))))
      (local.set $y1 (i32.add (local.get $y0) (local.get $rowBytes)))
      (local.set $y2 (i32.add (local.get $y1) (local.get $rowBytes)))
      (local.set $y3 (i32.add (local.get $y2) (local.get $rowBytes)))
      (local.set $aStart
        (i32.add (local.get $x)
          (select (i32.shl (local.get $r) (i32.const 2))
                  (i32.shl (i32.mul (local.get $r) (local.get $inner)) (i32.const 2))
                  (local.get $transA))))
      (local.set $j (i32.const 0))
      (block $stripsDone (loop $stripLoop
        (br_if $stripsDone (i32.ge_u (local.get $j) (local.get $vec8Bytes)))
          ;; 4 rows × 8 columns at column byte $j: the 8 accumulators of each row stay in registers over k.
          (local.set $t00 (select (v128.load offset=0 (i32.add (local.get $y0) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t01 (select (v128.load offset=16 (i32.add (local.get $y0) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t10 (select (v128.load offset=0 (i32.add (local.get $y1) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t11 (select (v128.load offset=16 (i32.add (local.get $y1) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t20 (select (v128.load offset=0 (i32.add (local.get $y2) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t21 (select (v128.load offset=16 (i32.add (local.get $y2) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t30 (select (v128.load offset=0 (i32.add (local.get $y3) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t31 (select (v128.load offset=16 (i32.add (local.get $y3) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $a0 (local.get $aStart))
          (local.set $a1 (i32.add (local.get $aStart) (local.get $aRow)))
          (local.set $a2 (i32.add (local.get $a1) (local.get $aRow)))
          (local.set $a3 (i32.add (local.get $a2) (local.get $aRow)))
          (local.set $wPtr (i32.add (local.get $w) (local.get $j)))
          (local.set $k (i32.const 0))
          (block $kDone8 (loop $kLoop8
            (br_if $kDone8 (i32.ge_u (local.get $k) (local.get $inner)))
            (local.set $w0 (v128.load offset=0 (local.get $wPtr)))
            (local.set $w1 (v128.load offset=16 (local.get $wPtr)))
            (local.set $av (v128.load32_splat (local.get $a0)))
            (local.set $t00 (f32x4.add (local.get $t00) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $t01 (f32x4.add (local.get $t01) (f32x4.mul (local.get $av) (local.get $w1))))
            (local.set $av (v128.load32_splat (local.get $a1)))
            (local.set $t10 (f32x4.add (local.get $t10) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $t11 (f32x4.add (local.get $t11) (f32x4.mul (local.get $av) (local.get $w1))))
            (local.set $av (v128.load32_splat (local.get $a2)))
            (local.set $t20 (f32x4.add (local.get $t20) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $t21 (f32x4.add (local.get $t21) (f32x4.mul (local.get $av) (local.get $w1))))
            (local.set $av (v128.load32_splat (local.get $a3)))
            (local.set $t30 (f32x4.add (local.get $t30) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $t31 (f32x4.add (local.get $t31) (f32x4.mul (local.get $av) (local.get $w1))))
            (local.set $a0 (i32.add (local.get $a0) (local.get $aStep)))
            (local.set $a1 (i32.add (local.get $a1) (local.get $aStep)))
            (local.set $a2 (i32.add (local.get $a2) (local.get $aStep)))
            (local.set $a3 (i32.add (local.get $a3) (local.get $aStep)))
            (local.set $wPtr (i32.add (local.get $wPtr) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $kLoop8)))
          (v128.store offset=0 (i32.add (local.get $y0) (local.get $j)) (local.get $t00))
          (v128.store offset=16 (i32.add (local.get $y0) (local.get $j)) (local.get $t01))
          (v128.store offset=0 (i32.add (local.get $y1) (local.get $j)) (local.get $t10))
          (v128.store offset=16 (i32.add (local.get $y1) (local.get $j)) (local.get $t11))
          (v128.store offset=0 (i32.add (local.get $y2) (local.get $j)) (local.get $t20))
          (v128.store offset=16 (i32.add (local.get $y2) (local.get $j)) (local.get $t21))
          (v128.store offset=0 (i32.add (local.get $y3) (local.get $j)) (local.get $t30))
          (v128.store offset=16 (i32.add (local.get $y3) (local.get $j)) (local.get $t31))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $stripLoop)))
      (if (i32.lt_u (local.get $j) (local.get $vecBytes)) (then
          ;; 4 rows × 4 columns at column byte $j: the 4 accumulators of each row stay in registers over k.
          (local.set $t00 (select (v128.load offset=0 (i32.add (local.get $y0) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t10 (select (v128.load offset=0 (i32.add (local.get $y1) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t20 (select (v128.load offset=0 (i32.add (local.get $y2) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $t30 (select (v128.load offset=0 (i32.add (local.get $y3) (local.get $j))) (v128.const i32x4 0 0 0 0) (local.get $accumulate)))
          (local.set $a0 (local.get $aStart))
          (local.set $a1 (i32.add (local.get $aStart) (local.get $aRow)))
          (local.set $a2 (i32.add (local.get $a1) (local.get $aRow)))
          (local.set $a3 (i32.add (local.get $a2) (local.get $aRow)))
          (local.set $wPtr (i32.add (local.get $w) (local.get $j)))
          (local.set $k (i32.const 0))
          (block $kDone4 (loop $kLoop4
            (br_if $kDone4 (i32.ge_u (local.get $k) (local.get $inner)))
            (local.set $w0 (v128.load offset=0 (local.get $wPtr)))
            (local.set $av (v128.load32_splat (local.get $a0)))
            (local.set $t00 (f32x4.add (local.get $t00) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $av (v128.load32_splat (local.get $a1)))
            (local.set $t10 (f32x4.add (local.get $t10) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $av (v128.load32_splat (local.get $a2)))
            (local.set $t20 (f32x4.add (local.get $t20) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $av (v128.load32_splat (local.get $a3)))
            (local.set $t30 (f32x4.add (local.get $t30) (f32x4.mul (local.get $av) (local.get $w0))))
            (local.set $a0 (i32.add (local.get $a0) (local.get $aStep)))
            (local.set $a1 (i32.add (local.get $a1) (local.get $aStep)))
            (local.set $a2 (i32.add (local.get $a2) (local.get $aStep)))
            (local.set $a3 (i32.add (local.get $a3) (local.get $aStep)))
            (local.set $wPtr (i32.add (local.get $wPtr) (local.get $rowBytes)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $kLoop4)))
          (v128.store offset=0 (i32.add (local.get $y0) (local.get $j)) (local.get $t00))
          (v128.store offset=0 (i32.add (local.get $y1) (local.get $j)) (local.get $t10))
          (v128.store offset=0 (i32.add (local.get $y2) (local.get $j)) (local.get $t20))
          (v128.store offset=0 (i32.add (local.get $y3) (local.get $j)) (local.get $t30))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))))
      ;; The last cols % 4 columns, one at a time for each of the four rows.
      (block $lastDone (loop $lastLoop
        (br_if $lastDone (i32.ge_u (local.get $j) (local.get $rowBytes)))
        (local.set $s0 (select (f32.load (i32.add (local.get $y0) (local.get $j))) (f32.const 0) (local.get $accumulate)))
        (local.set $s1 (select (f32.load (i32.add (local.get $y1) (local.get $j))) (f32.const 0) (local.get $accumulate)))
        (local.set $s2 (select (f32.load (i32.add (local.get $y2) (local.get $j))) (f32.const 0) (local.get $accumulate)))
        (local.set $s3 (select (f32.load (i32.add (local.get $y3) (local.get $j))) (f32.const 0) (local.get $accumulate)))
        (local.set $a0 (local.get $aStart))
        (local.set $a1 (i32.add (local.get $aStart) (local.get $aRow)))
        (local.set $a2 (i32.add (local.get $a1) (local.get $aRow)))
        (local.set $a3 (i32.add (local.get $a2) (local.get $aRow)))
        (local.set $wPtr (i32.add (local.get $w) (local.get $j)))
        (local.set $k (i32.const 0))
        (block $kDone1 (loop $kLoop1
          (br_if $kDone1 (i32.ge_u (local.get $k) (local.get $inner)))
          (local.set $a (f32.load (local.get $wPtr)))
          (local.set $s0 (f32.add (local.get $s0) (f32.mul (f32.load (local.get $a0)) (local.get $a))))
          (local.set $s1 (f32.add (local.get $s1) (f32.mul (f32.load (local.get $a1)) (local.get $a))))
          (local.set $s2 (f32.add (local.get $s2) (f32.mul (f32.load (local.get $a2)) (local.get $a))))
          (local.set $s3 (f32.add (local.get $s3) (f32.mul (f32.load (local.get $a3)) (local.get $a))))
          (local.set $a0 (i32.add (local.get $a0) (local.get $aStep)))
          (local.set $a1 (i32.add (local.get $a1) (local.get $aStep)))
          (local.set $a2 (i32.add (local.get $a2) (local.get $aStep)))
          (local.set $a3 (i32.add (local.get $a3) (local.get $aStep)))
          (local.set $wPtr (i32.add (local.get $wPtr) (local.get $rowBytes)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kLoop1)))
        (f32.store (i32.add (local.get $y0) (local.get $j)) (local.get $s0))
        (f32.store (i32.add (local.get $y1) (local.get $j)) (local.get $s1))
        (f32.store (i32.add (local.get $y2) (local.get $j)) (local.get $s2))
        (f32.store (i32.add (local.get $y3) (local.get $j)) (local.get $s3))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $lastLoop)))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $quadLoop)))
    ;; The last rows % 4 rows, one at a time.
    (block $rowsDone (loop $rowLoop
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $yRow (i32.add (local.get $y) (i32.mul (local.get $r) (local.get $rowBytes))))
      (if (i32.eqz (local.get $accumulate))
        (then (memory.fill (local.get $yRow) (i32.const 0) (local.get $rowBytes))))
      (local.set $aStart
        (i32.add (local.get $x)
          (select (i32.shl (local.get $r) (i32.const 2))
                  (i32.shl (i32.mul (local.get $r) (local.get $inner)) (i32.const 2))
                  (local.get $transA))))
      ;; Blocks of 32 columns: the 8 accumulators stay in registers over the whole inner loop.
      (local.set $j (i32.const 0))
      (block $blocksDone (loop $blockLoop
        (br_if $blocksDone (i32.ge_u (local.get $j) (local.get $blockBytes)))
        (local.set $acc0 (v128.load offset=0 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $acc1 (v128.load offset=16 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $acc2 (v128.load offset=32 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $acc3 (v128.load offset=48 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $acc4 (v128.load offset=64 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $acc5 (v128.load offset=80 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $acc6 (v128.load offset=96 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $acc7 (v128.load offset=112 (i32.add (local.get $yRow) (local.get $j))))
        (local.set $aAddr (local.get $aStart))
        (local.set $wPtr (i32.add (local.get $w) (local.get $j)))
        (local.set $k (i32.const 0))
        (block $kDone (loop $kLoop
          (br_if $kDone (i32.ge_u (local.get $k) (local.get $inner)))
          (local.set $av (f32x4.splat (f32.load (local.get $aAddr))))
          (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (local.get $av) (v128.load offset=0 (local.get $wPtr)))))
          (local.set $acc1 (f32x4.add (local.get $acc1) (f32x4.mul (local.get $av) (v128.load offset=16 (local.get $wPtr)))))
          (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $av) (v128.load offset=32 (local.get $wPtr)))))
          (local.set $acc3 (f32x4.add (local.get $acc3) (f32x4.mul (local.get $av) (v128.load offset=48 (local.get $wPtr)))))
          (local.set $acc4 (f32x4.add (local.get $acc4) (f32x4.mul (local.get $av) (v128.load offset=64 (local.get $wPtr)))))
          (local.set $acc5 (f32x4.add (local.get $acc5) (f32x4.mul (local.get $av) (v128.load offset=80 (local.get $wPtr)))))
          (local.set $acc6 (f32x4.add (local.get $acc6) (f32x4.mul (local.get $av) (v128.load offset=96 (local.get $wPtr)))))
          (local.set $acc7 (f32x4.add (local.get $acc7) (f32x4.mul (local.get $av) (v128.load offset=112 (local.get $wPtr)))))
          (local.set $aAddr (i32.add (local.get $aAddr) (local.get $aStep)))
          (local.set $wPtr (i32.add (local.get $wPtr) (local.get $rowBytes)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $kLoop)))
        (v128.store offset=0 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc0))
        (v128.store offset=16 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc1))
        (v128.store offset=32 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc2))
        (v128.store offset=48 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc3))
        (v128.store offset=64 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc4))
        (v128.store offset=80 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc5))
        (v128.store offset=96 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc6))
        (v128.store offset=112 (i32.add (local.get $yRow) (local.get $j)) (local.get $acc7))
        (local.set $j (i32.add (local.get $j) (i32.const 128)))
        (br $blockLoop)))
      ;; The remaining columns: four at a time along a row of W, then one at a time.
      (if (i32.lt_u (local.get $blockBytes) (local.get $rowBytes)) (then
      (local.set $aAddr (local.get $aStart))
      (local.set $wRow (local.get $w))
      (local.set $k (i32.const 0))
      (block $innerDone (loop $innerLoop
        (br_if $innerDone (i32.ge_u (local.get $k) (local.get $inner)))
        (local.set $a (f32.load (local.get $aAddr)))
        (local.set $av (f32x4.splat (local.get $a)))
        (local.set $j (local.get $blockBytes))
        (block $vecDone (loop $vecLoop
          (br_if $vecDone (i32.ge_u (local.get $j) (local.get $vecBytes)))
          (v128.store (i32.add (local.get $yRow) (local.get $j))
            (f32x4.add (v128.load (i32.add (local.get $yRow) (local.get $j)))
                       (f32x4.mul (local.get $av) (v128.load (i32.add (local.get $wRow) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 16)))
          (br $vecLoop)))
        (block $tailDone (loop $tailLoop
          (br_if $tailDone (i32.ge_u (local.get $j) (local.get $rowBytes)))
          (f32.store (i32.add (local.get $yRow) (local.get $j))
            (f32.add (f32.load (i32.add (local.get $yRow) (local.get $j)))
                     (f32.mul (local.get $a) (f32.load (i32.add (local.get $wRow) (local.get $j))))))
          (local.set $j (i32.add (local.get $j) (i32.const 4)))
          (br $tailLoop)))
        (local.set $aAddr (i32.add (local.get $aAddr) (local.get $aStep)))
        (local.set $wRow (i32.add (local.get $wRow) (local.get $rowBytes)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $innerLoop)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rowLoop)))
  )

  ;; addBiasRows(z, bias, rows, cols): every row of z[rows][cols] set to bias[cols] (then gemm accumulates x·W).
  (func (export "addBiasRows") (param $z i32) (param $bias i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (block $done (loop $rowLoop
      (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
      (memory.copy (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $rowBytes))) (local.get $bias) (local.get $rowBytes))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rowLoop)))
  )

  ;; elu(z, h, n): h = z > 0 ? z : e^z − 1 for n values, rounded up to a multiple of 4 (arena buffers are padded).
  ;; e^t for t = min(z, 0), four at a time: t = n·ln2 + r with |r| ≤ ln2/2 (ln2 split in two for accuracy), e^r
  ;; by its degree-7 Taylor polynomial (truncation < 5e-9, below float32 rounding), 2^n built in the exponent
  ;; bits. Written inline in the loop: as a called function it cost a third of a network slice's time (V8 does
  ;; not inline it), most of it the call.
  (func (export "elu") (param $z i32) (param $h i32) (param $n i32)
    (local $i i32) (local $end i32) (local $v v128) (local $t v128) (local $k v128) (local $r v128) (local $p v128)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $v (v128.load (i32.add (local.get $z) (local.get $i))))
      (local.set $t (f32x4.max (f32x4.min (local.get $v) (v128.const f32x4 0 0 0 0)) (v128.const f32x4 -87 -87 -87 -87)))
      (local.set $k (f32x4.nearest (f32x4.mul (local.get $t) (v128.const f32x4 1.44269504 1.44269504 1.44269504 1.44269504))))
      (local.set $r (f32x4.sub (local.get $t) (f32x4.mul (local.get $k) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375))))
      (local.set $r (f32x4.add (local.get $r) (f32x4.mul (local.get $k) (v128.const f32x4 2.12194440e-4 2.12194440e-4 2.12194440e-4 2.12194440e-4))))
      (local.set $p (v128.const f32x4 1.98412698e-4 1.98412698e-4 1.98412698e-4 1.98412698e-4))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1.38888889e-3 1.38888889e-3 1.38888889e-3 1.38888889e-3)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 8.33333333e-3 8.33333333e-3 8.33333333e-3 8.33333333e-3)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 4.16666667e-2 4.16666667e-2 4.16666667e-2 4.16666667e-2)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 0.166666667 0.166666667 0.166666667 0.166666667)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 0.5 0.5 0.5 0.5)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1 1 1 1)))
      (local.set $p (f32x4.add (f32x4.mul (local.get $p) (local.get $r)) (v128.const f32x4 1 1 1 1)))
      (local.set $p (f32x4.mul (local.get $p)
        (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $k)) (v128.const i32x4 127 127 127 127)) (i32.const 23))))
      (v128.store (i32.add (local.get $h) (local.get $i))
        (v128.bitselect (local.get $v)
          (f32x4.sub (local.get $p) (v128.const f32x4 1 1 1 1))
          (f32x4.gt (local.get $v) (v128.const f32x4 0 0 0 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; axpy(out, a, b, s, n): out = a + s·b for n values, rounded up to a multiple of 4 as for elu (a network
  ;; slice moves the parameters this way ~20 times a grid point: in JavaScript that was a tenth of its time).
  (func (export "axpy") (param $out i32) (param $a i32) (param $b i32) (param $s f32) (param $n i32)
    (local $i i32) (local $end i32) (local $sv v128)
    (local.set $sv (f32x4.splat (local.get $s)))
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f32x4.add (v128.load (i32.add (local.get $a) (local.get $i)))
          (f32x4.mul (local.get $sv) (v128.load (i32.add (local.get $b) (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; relu(z, h, n): h = max(z, 0), n rounded up to a multiple of 4 as for elu.
  (func (export "relu") (param $z i32) (param $h i32) (param $n i32)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $h) (local.get $i))
        (f32x4.max (v128.load (i32.add (local.get $z) (local.get $i))) (v128.const f32x4 0 0 0 0)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )
;; ---- Layer helpers of the backward pass ----

  ;; transpose(src, dst, rows, cols): dst[c][r] = src[r][c] (a layer's Wᵀ for δ·Wᵀ).
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $c i32) (local $s i32) (local $d i32) (local $stride i32)
    (local.set $stride (i32.shl (local.get $rows) (i32.const 2)))
    (block $rowsDone (loop $rowLoop
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $s (i32.add (local.get $src) (i32.shl (i32.mul (local.get $r) (local.get $cols)) (i32.const 2))))
      (local.set $d (i32.add (local.get $dst) (i32.shl (local.get $r) (i32.const 2))))
      (local.set $c (i32.const 0))
      (block $colsDone (loop $colLoop
        (br_if $colsDone (i32.ge_u (local.get $c) (local.get $cols)))
        (f32.store (local.get $d) (f32.load (local.get $s)))
        (local.set $s (i32.add (local.get $s) (i32.const 4)))
        (local.set $d (i32.add (local.get $d) (local.get $stride)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $colLoop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rowLoop)))
  )

  ;; colSums(m, out, rows, cols): out[c] = Σ_r m[r][c], summed row by row in float32 (a bias's gradient).
  (func (export "colSums") (param $m i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $j i32) (local $r i32) (local $p i32) (local $acc v128) (local $one f32) (local $rowBytes i32) (local $vecBytes i32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $vecBytes (i32.shl (i32.and (local.get $cols) (i32.const -4)) (i32.const 2)))
    (block $vecDone (loop $vecLoop
      (br_if $vecDone (i32.ge_u (local.get $j) (local.get $vecBytes)))
      (local.set $acc (v128.const f32x4 0 0 0 0))
      (local.set $p (i32.add (local.get $m) (local.get $j)))
      (local.set $r (i32.const 0))
      (block $rowsDone (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop)))
      (v128.store (i32.add (local.get $out) (local.get $j)) (local.get $acc))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br $vecLoop)))
    (block $tailDone (loop $tailLoop
      (br_if $tailDone (i32.ge_u (local.get $j) (local.get $rowBytes)))
      (local.set $one (f32.const 0))
      (local.set $p (i32.add (local.get $m) (local.get $j)))
      (local.set $r (i32.const 0))
      (block $rowsDone (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $one (f32.add (local.get $one) (f32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rowLoop)))
      (f32.store (i32.add (local.get $out) (local.get $j)) (local.get $one))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $tailLoop)))
  )

  ;; eluGrad(z, h, d, n): d ⊙= elu'(z) = (z > 0 ? 1 : h + 1) with h = elu(z); n rounded up to 4 as for elu.
  (func (export "eluGrad") (param $z i32) (param $h i32) (param $d i32) (param $n i32)
    (local $i i32) (local $end i32) (local $dv v128)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $dv (v128.load (i32.add (local.get $d) (local.get $i))))
      (v128.store (i32.add (local.get $d) (local.get $i))
        (v128.bitselect (local.get $dv)
          (f32x4.mul (local.get $dv) (f32x4.add (v128.load (i32.add (local.get $h) (local.get $i))) (v128.const f32x4 1 1 1 1)))
          (f32x4.gt (v128.load (i32.add (local.get $z) (local.get $i))) (v128.const f32x4 0 0 0 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; reluGrad(z, d, n): d = z > 0 ? d : 0; n rounded up to 4.
  (func (export "reluGrad") (param $z i32) (param $d i32) (param $n i32)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $d) (local.get $i))
        (v128.and (v128.load (i32.add (local.get $d) (local.get $i)))
          (f32x4.gt (v128.load (i32.add (local.get $z) (local.get $i))) (v128.const f32x4 0 0 0 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; ---- The optimizers' elementwise updates (theory.md §5; fused-bsam.ts, fused-optimizers.ts) ----
  ;; Every buffer holds n floats rounded up to a multiple of 4 (arena buffers are padded), 4 at a time.

  ;; bsamNoisy(theta, w, s, e, n, N): θ = w + e / sqrt(N·s), bSAM's noisy sample of one sub-batch.
  (func (export "bsamNoisy") (param $theta i32) (param $w i32) (param $s i32) (param $e i32) (param $n i32) (param $N f32)
    (local $i i32) (local $end i32) (local $Nv v128)
    (local.set $Nv (f32x4.splat (local.get $N)))
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $theta) (local.get $i))
        (f32x4.add (v128.load (i32.add (local.get $w) (local.get $i)))
          (f32x4.div (v128.load (i32.add (local.get $e) (local.get $i)))
            (f32x4.sqrt (f32x4.mul (local.get $Nv) (v128.load (i32.add (local.get $s) (local.get $i))))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; bsamPerturb(out, hsum, w, s, g, n, rho, first): out = w + g·(ρ/s) (the perturbed MEAN of one sub-batch) and
  ;; hsum (+)= |g| (first ≠ 0 starts the sum), for h̄ = sqrt(s)·Σ_k|g_k|/K = mean_k sqrt(s·g_k²).
  (func (export "bsamPerturb") (param $out i32) (param $hsum i32) (param $w i32) (param $s i32) (param $g i32) (param $n i32) (param $rho f32) (param $first i32)
    (local $i i32) (local $end i32) (local $rhov v128) (local $gv v128) (local $keep v128)
    (local.set $rhov (f32x4.splat (local.get $rho)))
    (local.set $keep (select (v128.const i32x4 0 0 0 0) (v128.const i32x4 -1 -1 -1 -1) (local.get $first)))
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $gv (v128.load (i32.add (local.get $g) (local.get $i))))
      (v128.store (i32.add (local.get $out) (local.get $i))
        (f32x4.add (v128.load (i32.add (local.get $w) (local.get $i)))
          (f32x4.mul (local.get $gv) (f32x4.div (local.get $rhov) (v128.load (i32.add (local.get $s) (local.get $i)))))))
      (v128.store (i32.add (local.get $hsum) (local.get $i))
        (f32x4.add (v128.and (v128.load (i32.add (local.get $hsum) (local.get $i))) (local.get $keep)) (f32x4.abs (local.get $gv))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; accumulate(acc, g, n, first): acc = (first ? 0 : acc) + g (Σ_k ĝ_k).
  (func (export "accumulate") (param $acc i32) (param $g i32) (param $n i32) (param $first i32)
    (local $i i32) (local $end i32) (local $keep v128)
    (local.set $keep (select (v128.const i32x4 0 0 0 0) (v128.const i32x4 -1 -1 -1 -1) (local.get $first)))
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store (i32.add (local.get $acc) (local.get $i))
        (f32x4.add (v128.and (v128.load (i32.add (local.get $acc) (local.get $i))) (local.get $keep))
          (v128.load (i32.add (local.get $g) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; bsamUpdate(w, s, gm, gsum, hsum, n, K, β₁, β₂, δ, lr, γ + δ): with ḡ = gsum/K and h̄ = sqrt(s)·hsum/K,
  ;; g_m ← β₁g_m + (1−β₁)(ḡ + δw);  w ← w − lr·g_m/s;  s ← β₂s + (1−β₂)(h̄ + γ + δ)  (the OLD s in both).
  (func (export "bsamUpdate") (param $w i32) (param $s i32) (param $gm i32) (param $gsum i32) (param $hsum i32) (param $n i32)
    (param $K f32) (param $beta1 f32) (param $beta2 f32) (param $decay f32) (param $lr f32) (param $shift f32)
    (local $i i32) (local $end i32) (local $sv v128) (local $wv v128) (local $gmv v128)
    (local $Kv v128) (local $b1 v128) (local $c1 v128) (local $b2 v128) (local $c2 v128) (local $dv v128) (local $lrv v128) (local $shv v128)
    (local.set $Kv (f32x4.splat (local.get $K)))
    (local.set $b1 (f32x4.splat (local.get $beta1)))
    (local.set $c1 (f32x4.splat (f32.sub (f32.const 1) (local.get $beta1))))
    (local.set $b2 (f32x4.splat (local.get $beta2)))
    (local.set $c2 (f32x4.splat (f32.sub (f32.const 1) (local.get $beta2))))
    (local.set $dv (f32x4.splat (local.get $decay)))
    (local.set $lrv (f32x4.splat (local.get $lr)))
    (local.set $shv (f32x4.splat (local.get $shift)))
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $sv (v128.load (i32.add (local.get $s) (local.get $i))))
      (local.set $wv (v128.load (i32.add (local.get $w) (local.get $i))))
      (local.set $gmv
        (f32x4.add (f32x4.mul (local.get $b1) (v128.load (i32.add (local.get $gm) (local.get $i))))
          (f32x4.mul (local.get $c1)
            (f32x4.add (f32x4.div (v128.load (i32.add (local.get $gsum) (local.get $i))) (local.get $Kv))
              (f32x4.mul (local.get $dv) (local.get $wv))))))
      (v128.store (i32.add (local.get $gm) (local.get $i)) (local.get $gmv))
      (v128.store (i32.add (local.get $w) (local.get $i))
        (f32x4.sub (local.get $wv) (f32x4.div (f32x4.mul (local.get $lrv) (local.get $gmv)) (local.get $sv))))
      (v128.store (i32.add (local.get $s) (local.get $i))
        (f32x4.add (f32x4.mul (local.get $b2) (local.get $sv))
          (f32x4.mul (local.get $c2)
            (f32x4.add
              (f32x4.div (f32x4.mul (f32x4.sqrt (local.get $sv)) (v128.load (i32.add (local.get $hsum) (local.get $i)))) (local.get $Kv))
              (local.get $shv)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; sgdUpdate(w, m, g, n, μ, δ, lr): m ← μm + (g + δw);  w ← w − lr·m.
  (func (export "sgdUpdate") (param $w i32) (param $m i32) (param $g i32) (param $n i32) (param $mu f32) (param $decay f32) (param $lr f32)
    (local $i i32) (local $end i32) (local $wv v128) (local $mv v128)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $wv (v128.load (i32.add (local.get $w) (local.get $i))))
      (local.set $mv
        (f32x4.add (f32x4.mul (f32x4.splat (local.get $mu)) (v128.load (i32.add (local.get $m) (local.get $i))))
          (f32x4.add (v128.load (i32.add (local.get $g) (local.get $i))) (f32x4.mul (f32x4.splat (local.get $decay)) (local.get $wv)))))
      (v128.store (i32.add (local.get $m) (local.get $i)) (local.get $mv))
      (v128.store (i32.add (local.get $w) (local.get $i))
        (f32x4.sub (local.get $wv) (f32x4.mul (f32x4.splat (local.get $lr)) (local.get $mv))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; adamUpdate(w, m, v, g, n, β₁, β₂, δ, step, c₂, ε): with g' = g + δw, m ← β₁m + (1−β₁)g';
  ;; v ← β₂v + (1−β₂)g'²;  w ← w − step·m/(sqrt(v/c₂) + ε)  (step = lr/(1−β₁ᵗ), c₂ = 1−β₂ᵗ).
  (func (export "adamUpdate") (param $w i32) (param $m i32) (param $v i32) (param $g i32) (param $n i32)
    (param $beta1 f32) (param $beta2 f32) (param $decay f32) (param $step f32) (param $c2 f32) (param $eps f32)
    (local $i i32) (local $end i32) (local $wv v128) (local $gv v128) (local $mv v128) (local $vv v128)
    (local.set $end (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2)))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $wv (v128.load (i32.add (local.get $w) (local.get $i))))
      (local.set $gv (f32x4.add (v128.load (i32.add (local.get $g) (local.get $i))) (f32x4.mul (f32x4.splat (local.get $decay)) (local.get $wv))))
      (local.set $mv (f32x4.add (f32x4.mul (f32x4.splat (local.get $beta1)) (v128.load (i32.add (local.get $m) (local.get $i))))
        (f32x4.mul (f32x4.splat (f32.sub (f32.const 1) (local.get $beta1))) (local.get $gv))))
      (local.set $vv (f32x4.add (f32x4.mul (f32x4.splat (local.get $beta2)) (v128.load (i32.add (local.get $v) (local.get $i))))
        (f32x4.mul (f32x4.splat (f32.sub (f32.const 1) (local.get $beta2))) (f32x4.mul (local.get $gv) (local.get $gv)))))
      (v128.store (i32.add (local.get $m) (local.get $i)) (local.get $mv))
      (v128.store (i32.add (local.get $v) (local.get $i)) (local.get $vv))
      (v128.store (i32.add (local.get $w) (local.get $i))
        (f32x4.sub (local.get $wv)
          (f32x4.div (f32x4.mul (f32x4.splat (local.get $step)) (local.get $mv))
            (f32x4.add (f32x4.sqrt (f32x4.div (local.get $vv) (f32x4.splat (local.get $c2)))) (f32x4.splat (local.get $eps))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
  )

  ;; sumSquares(g, n): Σ g² over exactly n values, in float64 (SAM's gradient norm).
  (func (export "sumSquares") (param $g i32) (param $n i32) (result f64)
    (local $i i32) (local $vecEnd i32) (local $end i32) (local $v v128) (local $acc v128) (local $x f64)
    (local.set $vecEnd (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $acc (v128.const f64x2 0 0))
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $vecEnd)))
      (local.set $v (v128.load (i32.add (local.get $g) (local.get $i))))
      (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v)) (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $v (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
      (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v)) (f64x2.promote_low_f32x4 (local.get $v)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $l)))
    (local.set $x (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
    (block $tailDone (loop $tail
      (br_if $tailDone (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $x (f64.add (local.get $x) (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $g) (local.get $i)))) (f64.promote_f32 (f32.load (i32.add (local.get $g) (local.get $i)))))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $tail)))
    (local.get $x)
  )

  ;; ---- Standard normal draws: src/math/ziggurat.ts's ziggurat on mulberry32, draw for draw ----
  ;; Tables at `tables`: +0 the mulberry32 state (i32), +16 kn (128 × u32), +528 wn (128 × f64), +1552 fn
  ;; (128 × f64); ziggurat.ts writes them. The arithmetic is that file's, in the same float64 operations, so
  ;; each draw is bit for bit the JavaScript one.

  ;; One 32-bit mulberry32 output; advances the state at `tables`.
  (func $uint32 (param $tables i32) (result i32)
    (local $t i32)
    (local.set $t (i32.add (i32.load (local.get $tables)) (i32.const 0x6d2b79f5)))
    (i32.store (local.get $tables) (local.get $t))
    (local.set $t (i32.mul (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 15))) (i32.or (local.get $t) (i32.const 1))))
    (local.set $t (i32.xor (local.get $t)
      (i32.add (local.get $t) (i32.mul (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 7))) (i32.or (local.get $t) (i32.const 61))))))
    (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14)))
  )

  ;; Uniform on (0, 1]: (uint32 + 1) / 2³².
  (func $uniform (param $tables i32) (result f64)
    (f64.div (f64.add (f64.convert_i32_u (call $uint32 (local.get $tables))) (f64.const 1)) (f64.const 4294967296))
  )

  ;; The rare cases (ziggurat.ts's `slow`): the base layer's tail, or a wedge point that needs the density test.
  (func $zigguratSlow (param $h i32) (param $i i32) (param $tables i32) (result f64)
    (local $x f64) (local $tail f64) (local $y f64) (local $j i32)
    (loop $retry
      (local.set $x (f64.mul (f64.convert_i32_s (local.get $h)) (f64.load offset=528 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3))))))
      (if (i32.eqz (local.get $i)) (then
        (loop $tailLoop
          (local.set $tail (f64.div (f64.neg (call $log (call $uniform (local.get $tables)))) (f64.const 3.442619855899)))
          (local.set $y (f64.neg (call $log (call $uniform (local.get $tables)))))
          (br_if $tailLoop (f64.lt (f64.add (local.get $y) (local.get $y)) (f64.mul (local.get $tail) (local.get $tail)))))
        (return (select
          (f64.add (f64.const 3.442619855899) (local.get $tail))
          (f64.sub (f64.neg (f64.const 3.442619855899)) (local.get $tail))
          (i32.gt_s (local.get $h) (i32.const 0))))))
      (if (f64.lt
            (f64.add (f64.load offset=1552 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3))))
              (f64.mul (call $uniform (local.get $tables))
                (f64.sub (f64.load offset=1544 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3))))
                         (f64.load offset=1552 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3)))))))
            (call $exp (f64.mul (f64.mul (f64.const -0.5) (local.get $x)) (local.get $x))))
        (then (return (local.get $x))))
      (local.set $j (call $uint32 (local.get $tables)))
      (local.set $i (i32.and (local.get $j) (i32.const 127)))
      (local.set $h (i32.shr_s (local.get $j) (i32.const 7)))
      (br_if $retry (i32.ge_s
        (select (local.get $h) (i32.sub (i32.const 0) (local.get $h)) (i32.ge_s (local.get $h) (i32.const 0)))
        (i32.load offset=16 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 2)))))))
    (f64.mul (f64.convert_i32_s (local.get $h)) (f64.load offset=528 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3)))))
  )

  ;; zigguratFill(out, n, tables): n draws as float32 into out; the state at `tables` advances. The mulberry32
  ;; hash of four consecutive states runs in one vector (the states step by a constant); the layer test and
  ;; the value are per lane.
  (func (export "zigguratFill") (param $out i32) (param $n i32) (param $tables i32)
    (local $idx i32) (local $a i32) (local $j i32) (local $i i32) (local $h i32) (local $tv v128) (local $jv v128)
    (local.set $a (i32.load (local.get $tables)))
    (block $finish (loop $group
      (local.set $tv (i32x4.add (i32x4.splat (local.get $a))
        (v128.const i32x4 0x6d2b79f5 0xda56f3ea 0x47826ddf 0xb4ade7d4)))
      (local.set $tv (i32x4.mul (v128.xor (local.get $tv) (i32x4.shr_u (local.get $tv) (i32.const 15))) (v128.or (local.get $tv) (v128.const i32x4 1 1 1 1))))
      (local.set $tv (v128.xor (local.get $tv)
        (i32x4.add (local.get $tv) (i32x4.mul (v128.xor (local.get $tv) (i32x4.shr_u (local.get $tv) (i32.const 7))) (v128.or (local.get $tv) (v128.const i32x4 61 61 61 61))))))
      (local.set $jv (v128.xor (local.get $tv) (i32x4.shr_u (local.get $tv) (i32.const 14))))
      ;; A slow-path lane draws extra states, so the next lanes' precomputed hashes are stale: start a new group.
      (block $regroup
        ;; lane 0
        (br_if $finish (i32.ge_u (local.get $idx) (local.get $n)))
        (local.set $a (i32.add (local.get $a) (i32.const 0x6d2b79f5)))
        (local.set $j (i32x4.extract_lane 0 (local.get $jv)))
        (local.set $i (i32.and (local.get $j) (i32.const 127)))
        (local.set $h (i32.shr_s (local.get $j) (i32.const 7)))
        (local.set $idx (i32.add (local.get $idx) (i32.const 1)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (if (i32.lt_s (select (local.get $h) (i32.sub (i32.const 0) (local.get $h)) (i32.ge_s (local.get $h) (i32.const 0)))
                      (i32.load offset=16 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 2)))))
          (then (f32.store offset=0 (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64
            (f64.mul (f64.convert_i32_s (local.get $h)) (f64.load offset=528 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3))))))))
          (else
            (i32.store (local.get $tables) (local.get $a))
            (f32.store (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64 (call $zigguratSlow (local.get $h) (local.get $i) (local.get $tables))))
            (local.set $a (i32.load (local.get $tables)))
            (br $regroup)))
        ;; lane 1
        (br_if $finish (i32.ge_u (local.get $idx) (local.get $n)))
        (local.set $a (i32.add (local.get $a) (i32.const 0x6d2b79f5)))
        (local.set $j (i32x4.extract_lane 1 (local.get $jv)))
        (local.set $i (i32.and (local.get $j) (i32.const 127)))
        (local.set $h (i32.shr_s (local.get $j) (i32.const 7)))
        (local.set $idx (i32.add (local.get $idx) (i32.const 1)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (if (i32.lt_s (select (local.get $h) (i32.sub (i32.const 0) (local.get $h)) (i32.ge_s (local.get $h) (i32.const 0)))
                      (i32.load offset=16 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 2)))))
          (then (f32.store offset=0 (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64
            (f64.mul (f64.convert_i32_s (local.get $h)) (f64.load offset=528 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3))))))))
          (else
            (i32.store (local.get $tables) (local.get $a))
            (f32.store (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64 (call $zigguratSlow (local.get $h) (local.get $i) (local.get $tables))))
            (local.set $a (i32.load (local.get $tables)))
            (br $regroup)))
        ;; lane 2
        (br_if $finish (i32.ge_u (local.get $idx) (local.get $n)))
        (local.set $a (i32.add (local.get $a) (i32.const 0x6d2b79f5)))
        (local.set $j (i32x4.extract_lane 2 (local.get $jv)))
        (local.set $i (i32.and (local.get $j) (i32.const 127)))
        (local.set $h (i32.shr_s (local.get $j) (i32.const 7)))
        (local.set $idx (i32.add (local.get $idx) (i32.const 1)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (if (i32.lt_s (select (local.get $h) (i32.sub (i32.const 0) (local.get $h)) (i32.ge_s (local.get $h) (i32.const 0)))
                      (i32.load offset=16 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 2)))))
          (then (f32.store offset=0 (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64
            (f64.mul (f64.convert_i32_s (local.get $h)) (f64.load offset=528 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3))))))))
          (else
            (i32.store (local.get $tables) (local.get $a))
            (f32.store (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64 (call $zigguratSlow (local.get $h) (local.get $i) (local.get $tables))))
            (local.set $a (i32.load (local.get $tables)))
            (br $regroup)))
        ;; lane 3
        (br_if $finish (i32.ge_u (local.get $idx) (local.get $n)))
        (local.set $a (i32.add (local.get $a) (i32.const 0x6d2b79f5)))
        (local.set $j (i32x4.extract_lane 3 (local.get $jv)))
        (local.set $i (i32.and (local.get $j) (i32.const 127)))
        (local.set $h (i32.shr_s (local.get $j) (i32.const 7)))
        (local.set $idx (i32.add (local.get $idx) (i32.const 1)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (if (i32.lt_s (select (local.get $h) (i32.sub (i32.const 0) (local.get $h)) (i32.ge_s (local.get $h) (i32.const 0)))
                      (i32.load offset=16 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 2)))))
          (then (f32.store offset=0 (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64
            (f64.mul (f64.convert_i32_s (local.get $h)) (f64.load offset=528 (i32.add (local.get $tables) (i32.shl (local.get $i) (i32.const 3))))))))
          (else
            (i32.store (local.get $tables) (local.get $a))
            (f32.store (i32.sub (local.get $out) (i32.const 4)) (f32.demote_f64 (call $zigguratSlow (local.get $h) (local.get $i) (local.get $tables))))
            (local.set $a (i32.load (local.get $tables)))
            (br $regroup)))
        )
      (br $group)))
    (i32.store (local.get $tables) (local.get $a))
  )
)
