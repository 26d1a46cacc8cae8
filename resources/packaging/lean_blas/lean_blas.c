/*
 * A small, plain CBLAS for the bundle: the 22 routines numpy's core module links
 * (scipy-openblas naming, 64-bit integers), in place of the 22 MB OpenBLAS that numpy
 * wheels ship.  Tongwen's search keeps its postings in numpy arrays but never multiplies
 * matrices, so speed does not matter here; exactness does: each routine follows the
 * reference BLAS (any layout, transpose, stride, alpha and beta; beta == 0 overwrites).
 *
 * Built freestanding (no libc): gcc -O2 -shared -fPIC -nostdlib.  See
 * resources/packaging/lean_blas.py, which builds it, and tests/packaging/test_lean_blas.py,
 * which checks every routine against numpy with the real OpenBLAS.
 */

typedef long long blasint;

enum { ROW_MAJOR = 101, COL_MAJOR = 102 };
enum { NO_TRANS = 111, TRANS = 112, CONJ_TRANS = 113 };
enum { UPPER = 121, LOWER = 122 };

#define API __attribute__((visibility("default")))

/* Element (i, j) of a matrix stored with leading dimension ld in a layout. */
static inline blasint at(int layout, blasint i, blasint j, blasint ld) {
    return layout == ROW_MAJOR ? i * ld + j : i + j * ld;
}

/* Index of the k-th element of a vector of n with stride inc (negative: from the end). */
static inline blasint vec(blasint k, blasint n, blasint inc) {
    return inc >= 0 ? k * inc : (k - (n - 1)) * inc;
}

typedef struct { float re, im; } cfloat;
typedef struct { double re, im; } cdouble;

/* ------------------------------------------------------------------ real types */
#define REAL_ROUTINES(T, P)                                                              \
    API void scipy_cblas_##P##axpy64_(blasint n, T alpha, const T *x, blasint incx,      \
                                      T *y, blasint incy) {                              \
        for (blasint k = 0; k < n; k++) y[vec(k, n, incy)] += alpha * x[vec(k, n, incx)]; \
    }                                                                                    \
    API T scipy_cblas_##P##dot64_(blasint n, const T *x, blasint incx, const T *y,       \
                                  blasint incy) {                                        \
        T sum = 0;                                                                       \
        for (blasint k = 0; k < n; k++) sum += x[vec(k, n, incx)] * y[vec(k, n, incy)];  \
        return sum;                                                                      \
    }                                                                                    \
    API void scipy_cblas_##P##gemv64_(int layout, int trans, blasint m, blasint n,       \
                                      T alpha, const T *a, blasint lda, const T *x,      \
                                      blasint incx, T beta, T *y, blasint incy) {        \
        int t = trans != NO_TRANS;                                                       \
        blasint rows = t ? n : m, cols = t ? m : n;                                      \
        for (blasint i = 0; i < rows; i++) {                                             \
            T sum = 0;                                                                   \
            for (blasint j = 0; j < cols; j++)                                           \
                sum += (t ? a[at(layout, j, i, lda)] : a[at(layout, i, j, lda)]) *       \
                       x[vec(j, cols, incx)];                                            \
            T *out = &y[vec(i, rows, incy)];                                             \
            *out = (beta == 0 ? 0 : beta * *out) + alpha * sum;                          \
        }                                                                                \
    }                                                                                    \
    API void scipy_cblas_##P##gemm64_(int layout, int ta, int tb, blasint m, blasint n,  \
                                      blasint k, T alpha, const T *a, blasint lda,       \
                                      const T *b, blasint ldb, T beta, T *c,             \
                                      blasint ldc) {                                     \
        for (blasint i = 0; i < m; i++)                                                  \
            for (blasint j = 0; j < n; j++) {                                            \
                T sum = 0;                                                               \
                for (blasint p = 0; p < k; p++)                                          \
                    sum += (ta != NO_TRANS ? a[at(layout, p, i, lda)]                    \
                                           : a[at(layout, i, p, lda)]) *                 \
                           (tb != NO_TRANS ? b[at(layout, j, p, ldb)]                    \
                                           : b[at(layout, p, j, ldb)]);                  \
                T *out = &c[at(layout, i, j, ldc)];                                      \
                *out = (beta == 0 ? 0 : beta * *out) + alpha * sum;                      \
            }                                                                            \
    }                                                                                    \
    API void scipy_cblas_##P##syrk64_(int layout, int uplo, int trans, blasint n,        \
                                      blasint k, T alpha, const T *a, blasint lda,       \
                                      T beta, T *c, blasint ldc) {                       \
        for (blasint i = 0; i < n; i++)                                                  \
            for (blasint j = 0; j < n; j++) {                                            \
                if (uplo == UPPER ? j < i : j > i) continue;                             \
                T sum = 0;                                                               \
                for (blasint p = 0; p < k; p++)                                          \
                    sum += trans != NO_TRANS                                             \
                               ? a[at(layout, p, i, lda)] * a[at(layout, p, j, lda)]     \
                               : a[at(layout, i, p, lda)] * a[at(layout, j, p, lda)];    \
                T *out = &c[at(layout, i, j, ldc)];                                      \
                *out = (beta == 0 ? 0 : beta * *out) + alpha * sum;                      \
            }                                                                            \
    }

REAL_ROUTINES(float, s)
REAL_ROUTINES(double, d)

/* --------------------------------------------------------------- complex types */
#define COMPLEX_ROUTINES(C, T, P)                                                        \
    static inline C P##_mul(C a, C b) {                                                  \
        C r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};                    \
        return r;                                                                        \
    }                                                                                    \
    static inline C P##_add(C a, C b) {                                                  \
        C r = {a.re + b.re, a.im + b.im};                                                \
        return r;                                                                        \
    }                                                                                    \
    static inline C P##_conj(C a, int yes) {                                             \
        C r = {a.re, yes ? -a.im : a.im};                                                \
        return r;                                                                        \
    }                                                                                    \
    static inline int P##_zero(C a) { return a.re == 0 && a.im == 0; }                   \
    /* beta * out + alpha * sum, where beta == 0 overwrites out */                       \
    static inline void P##_store(C *out, C alpha, C sum, C beta) {                       \
        C scaled = P##_zero(beta) ? (C){0, 0} : P##_mul(beta, *out);                     \
        *out = P##_add(scaled, P##_mul(alpha, sum));                                     \
    }                                                                                    \
    API void scipy_cblas_##P##axpy64_(blasint n, const void *alpha, const void *x,       \
                                      blasint incx, void *y, blasint incy) {             \
        const C *xs = x, *al = alpha;                                                    \
        C *ys = y;                                                                       \
        for (blasint k = 0; k < n; k++) {                                                \
            C *out = &ys[vec(k, n, incy)];                                               \
            *out = P##_add(*out, P##_mul(*al, xs[vec(k, n, incx)]));                     \
        }                                                                                \
    }                                                                                    \
    static void P##_dot(blasint n, const C *x, blasint incx, const C *y, blasint incy,   \
                        int conj, C *ret) {                                              \
        C sum = {0, 0};                                                                  \
        for (blasint k = 0; k < n; k++)                                                  \
            sum = P##_add(sum, P##_mul(P##_conj(x[vec(k, n, incx)], conj),               \
                                       y[vec(k, n, incy)]));                             \
        *ret = sum;                                                                      \
    }                                                                                    \
    API void scipy_cblas_##P##dotu_sub64_(blasint n, const void *x, blasint incx,        \
                                          const void *y, blasint incy, void *ret) {      \
        P##_dot(n, x, incx, y, incy, 0, ret);                                            \
    }                                                                                    \
    API void scipy_cblas_##P##dotc_sub64_(blasint n, const void *x, blasint incx,        \
                                          const void *y, blasint incy, void *ret) {      \
        P##_dot(n, x, incx, y, incy, 1, ret);                                            \
    }                                                                                    \
    API void scipy_cblas_##P##gemv64_(int layout, int trans, blasint m, blasint n,       \
                                      const void *alpha, const void *a, blasint lda,     \
                                      const void *x, blasint incx, const void *beta,     \
                                      void *y, blasint incy) {                           \
        const C *as = a, *xs = x;                                                        \
        C *ys = y;                                                                       \
        int t = trans != NO_TRANS, cj = trans == CONJ_TRANS;                             \
        blasint rows = t ? n : m, cols = t ? m : n;                                      \
        for (blasint i = 0; i < rows; i++) {                                             \
            C sum = {0, 0};                                                              \
            for (blasint j = 0; j < cols; j++) {                                         \
                C aij = t ? P##_conj(as[at(layout, j, i, lda)], cj) : as[at(layout, i, j, lda)]; \
                sum = P##_add(sum, P##_mul(aij, xs[vec(j, cols, incx)]));                \
            }                                                                            \
            P##_store(&ys[vec(i, rows, incy)], *(const C *)alpha, sum, *(const C *)beta); \
        }                                                                                \
    }                                                                                    \
    API void scipy_cblas_##P##gemm64_(int layout, int ta, int tb, blasint m, blasint n,  \
                                      blasint k, const void *alpha, const void *a,       \
                                      blasint lda, const void *b, blasint ldb,           \
                                      const void *beta, void *c, blasint ldc) {          \
        const C *as = a, *bs = b;                                                        \
        C *cs = c;                                                                       \
        for (blasint i = 0; i < m; i++)                                                  \
            for (blasint j = 0; j < n; j++) {                                            \
                C sum = {0, 0};                                                          \
                for (blasint p = 0; p < k; p++) {                                        \
                    C aip = ta != NO_TRANS                                               \
                                ? P##_conj(as[at(layout, p, i, lda)], ta == CONJ_TRANS)  \
                                : as[at(layout, i, p, lda)];                             \
                    C bpj = tb != NO_TRANS                                               \
                                ? P##_conj(bs[at(layout, j, p, ldb)], tb == CONJ_TRANS)  \
                                : bs[at(layout, p, j, ldb)];                             \
                    sum = P##_add(sum, P##_mul(aip, bpj));                               \
                }                                                                        \
                P##_store(&cs[at(layout, i, j, ldc)], *(const C *)alpha, sum,            \
                          *(const C *)beta);                                             \
            }                                                                            \
    }                                                                                    \
    API void scipy_cblas_##P##syrk64_(int layout, int uplo, int trans, blasint n,        \
                                      blasint k, const void *alpha, const void *a,       \
                                      blasint lda, const void *beta, void *c,            \
                                      blasint ldc) {                                     \
        const C *as = a;                                                                 \
        C *cs = c;                                                                       \
        for (blasint i = 0; i < n; i++)                                                  \
            for (blasint j = 0; j < n; j++) {                                            \
                if (uplo == UPPER ? j < i : j > i) continue;                             \
                C sum = {0, 0};                                                          \
                for (blasint p = 0; p < k; p++)                                          \
                    sum = P##_add(sum, trans != NO_TRANS                                 \
                                           ? P##_mul(as[at(layout, p, i, lda)],          \
                                                     as[at(layout, p, j, lda)])          \
                                           : P##_mul(as[at(layout, i, p, lda)],          \
                                                     as[at(layout, j, p, lda)]));        \
                P##_store(&cs[at(layout, i, j, ldc)], *(const C *)alpha, sum,            \
                          *(const C *)beta);                                             \
            }                                                                            \
    }

COMPLEX_ROUTINES(cfloat, float, c)
COMPLEX_ROUTINES(cdouble, double, z)
