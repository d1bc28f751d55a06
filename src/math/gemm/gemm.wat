;; Dense float32 matrix products with 128-bit SIMD, for the hand-fused training and slicing engines.
;; Pointers are byte offsets into the exported memory; matrices are row-major.
;;
;;   gemm(x, w, y, rows, inner, cols, accumulate, transA):
;;     Y[r][c] (+)= Σ_k A[r][k] · W[k][c]     with A = X ([rows][inner]) or, when transA ≠ 0, A = Xᵀ (X is [inner][rows]).
;;
;; The inner loop broadcasts one A element and runs along a row of W and of Y four columns at a time, so both
;; are read contiguously; the last cols % 4 columns are done one at a time.
(module
  (memory (export "memory") 1)
  (func (export "gemm")
    (param $x i32) (param $w i32) (param $y i32) (param $rows i32) (param $inner i32) (param $cols i32)
    (param $accumulate i32) (param $transA i32)
    (local $r i32) (local $k i32) (local $j i32)
    (local $rowBytes i32) (local $vecBytes i32)
    (local $aAddr i32) (local $aStep i32) (local $yRow i32) (local $wRow i32)
    (local $av v128) (local $a f32)
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $vecBytes (i32.shl (i32.and (local.get $cols) (i32.const -4)) (i32.const 2)))
    (local.set $aStep (select (i32.shl (local.get $rows) (i32.const 2)) (i32.const 4) (local.get $transA)))
    (local.set $r (i32.const 0))
    (block $rowsDone (loop $rowLoop
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
      (local.set $yRow (i32.add (local.get $y) (i32.mul (local.get $r) (local.get $rowBytes))))
      (if (i32.eqz (local.get $accumulate))
        (then (memory.fill (local.get $yRow) (i32.const 0) (local.get $rowBytes))))
      (local.set $aAddr
        (i32.add (local.get $x)
          (select (i32.shl (local.get $r) (i32.const 2))
                  (i32.shl (i32.mul (local.get $r) (local.get $inner)) (i32.const 2))
                  (local.get $transA))))
      (local.set $wRow (local.get $w))
      (local.set $k (i32.const 0))
      (block $innerDone (loop $innerLoop
        (br_if $innerDone (i32.ge_u (local.get $k) (local.get $inner)))
        (local.set $a (f32.load (local.get $aAddr)))
        (local.set $av (f32x4.splat (local.get $a)))
        (local.set $j (i32.const 0))
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
        (br $innerLoop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rowLoop)))
  )
)
