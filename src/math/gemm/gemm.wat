;; Dense float32 matrix products with 128-bit SIMD, for the hand-fused training and slicing engines.
;; Pointers are byte offsets into the exported memory; matrices are row-major.
;;
;;   gemm(x, w, y, rows, inner, cols, accumulate, transA):
;;     Y[r][c] (+)= Σ_k A[r][k] · W[k][c]     with A = X ([rows][inner]) or, when transA ≠ 0, A = Xᵀ (X is [inner][rows]).
;;
;; Per row of Y, blocks of 32 columns keep their 8 four-float accumulators in registers while k runs over the
;; inner dimension (one broadcast A element times one contiguous W row segment per step); the remaining
;; columns go four at a time along rows of W and Y, and the last cols % 4 one at a time.
(module
  (memory (export "memory") 1)
  (func (export "gemm")
    (param $x i32) (param $w i32) (param $y i32) (param $rows i32) (param $inner i32) (param $cols i32)
    (param $accumulate i32) (param $transA i32)
    (local $r i32) (local $k i32) (local $j i32)
    (local $rowBytes i32) (local $vecBytes i32) (local $blockBytes i32)
    (local $aStart i32) (local $aAddr i32) (local $aStep i32) (local $yRow i32) (local $wRow i32) (local $wPtr i32)
    (local $av v128) (local $a f32)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128) (local $acc4 v128) (local $acc5 v128) (local $acc6 v128) (local $acc7 v128) 
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $vecBytes (i32.shl (i32.and (local.get $cols) (i32.const -4)) (i32.const 2)))
    (local.set $blockBytes (i32.shl (i32.and (local.get $cols) (i32.const -32)) (i32.const 2)))
    (local.set $aStep (select (i32.shl (local.get $rows) (i32.const 2)) (i32.const 4) (local.get $transA)))
    (local.set $r (i32.const 0))
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
)
