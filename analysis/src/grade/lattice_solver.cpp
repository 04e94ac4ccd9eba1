#include "grade/lattice_solver.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace huescope {
namespace {

constexpr double kTolerance = 1e-11;
constexpr int kMaxIterations = 500;
constexpr std::size_t kDirectNodes = 216;  // the coarsest level, solved directly
constexpr int kSmoothingSweeps = 2;

Csr transpose(const Csr& m) {
    Csr t;
    t.rows = m.cols;
    t.cols = m.rows;
    t.start.assign(t.rows + 1, 0);
    for (uint32_t c : m.col) ++t.start[c + 1];
    for (std::size_t r = 0; r < t.rows; ++r) t.start[r + 1] += t.start[r];
    t.col.resize(m.col.size());
    t.val.resize(m.val.size());
    std::vector<std::size_t> next(t.start.begin(), t.start.end() - 1);
    for (std::size_t r = 0; r < m.rows; ++r) {
        for (std::size_t k = m.start[r]; k < m.start[r + 1]; ++k) {
            const std::size_t at = next[m.col[k]]++;
            t.col[at] = static_cast<uint32_t>(r);
            t.val[at] = m.val[k];
        }
    }
    return t;
}

/// a * b, row by row with a scatter array (Gustavson); columns within a row are unsorted.
Csr product(const Csr& a, const Csr& b) {
    Csr out;
    out.rows = a.rows;
    out.cols = b.cols;
    constexpr std::size_t kUnset = static_cast<std::size_t>(-1);
    std::vector<std::size_t> where(b.cols, kUnset);
    for (std::size_t r = 0; r < a.rows; ++r) {
        const std::size_t row_begin = out.col.size();
        for (std::size_t k = a.start[r]; k < a.start[r + 1]; ++k) {
            const std::size_t mid = a.col[k];
            for (std::size_t m = b.start[mid]; m < b.start[mid + 1]; ++m) {
                const uint32_t c = b.col[m];
                const double v = a.val[k] * b.val[m];
                if (where[c] == kUnset || where[c] < row_begin) {
                    where[c] = out.col.size();
                    out.col.push_back(c);
                    out.val.push_back(v);
                } else {
                    out.val[where[c]] += v;
                }
            }
        }
        out.start.push_back(out.col.size());
    }
    return out;
}

/// Trilinear prolongation from the coarse lattice (fine node i sits at coarse position i / 2) to
/// a fine lattice of `fine` nodes per axis.
Csr prolongation(int fine, int coarse) {
    // Per axis: one coarse node with weight 1 for even fine nodes, two halves for odd ones.
    std::vector<std::array<std::pair<int, double>, 2>> axis(static_cast<std::size_t>(fine));
    std::vector<int> terms(static_cast<std::size_t>(fine));
    for (int i = 0; i < fine; ++i) {
        const auto s = static_cast<std::size_t>(i);
        if (i % 2 == 0) {
            axis[s] = {{{i / 2, 1.0}, {0, 0.0}}};
            terms[s] = 1;
        } else {
            axis[s] = {{{i / 2, 0.5}, {i / 2 + 1, 0.5}}};
            terms[s] = 2;
        }
    }
    Csr p;
    p.rows = lattice_nodes(fine);
    p.cols = lattice_nodes(coarse);
    const auto cs = static_cast<std::size_t>(coarse);
    for (std::size_t b = 0; b < static_cast<std::size_t>(fine); ++b) {
        for (std::size_t g = 0; g < static_cast<std::size_t>(fine); ++g) {
            for (std::size_t r = 0; r < static_cast<std::size_t>(fine); ++r) {
                for (int kb = 0; kb < terms[b]; ++kb) {
                    for (int kg = 0; kg < terms[g]; ++kg) {
                        for (int kr = 0; kr < terms[r]; ++kr) {
                            const auto [cb, wb] = axis[b][static_cast<std::size_t>(kb)];
                            const auto [cg, wg] = axis[g][static_cast<std::size_t>(kg)];
                            const auto [cr, wr] = axis[r][static_cast<std::size_t>(kr)];
                            const std::size_t node =
                                (static_cast<std::size_t>(cb) * cs + static_cast<std::size_t>(cg)) *
                                    cs +
                                static_cast<std::size_t>(cr);
                            p.col.push_back(static_cast<uint32_t>(node));
                            p.val.push_back(wb * wg * wr);
                        }
                    }
                }
                p.start.push_back(p.col.size());
            }
        }
    }
    return p;
}

// ---- Multigrid-preconditioned conjugate gradients ----------------------------------------------

class Multigrid {
  public:
    Multigrid(Csr fine, int size) {
        levels_.push_back(make_level(std::move(fine)));
        while (size > 3 && levels_.back().a.rows > kDirectNodes) {
            const int coarse = size / 2 + 1;
            Level& f = levels_.back();
            f.p = prolongation(size, coarse);
            f.r = transpose(f.p);
            Csr a = product(f.r, product(f.a, f.p));
            levels_.push_back(make_level(std::move(a)));
            size = coarse;
        }
        factor_coarsest();
    }

    const Csr& matrix() const { return levels_.front().a; }

    /// z = M^-1 r: one symmetric V-cycle from zero.
    void precondition(const std::vector<double>& r, std::vector<double>& z) {
        levels_.front().b = r;
        cycle(0);
        z = levels_.front().x;
    }

  private:
    struct Level {
        Csr a;
        std::vector<double> diag;
        Csr p;  ///< from the next coarser level to this one (none on the coarsest)
        Csr r;  ///< p transposed
        std::vector<double> b, x, residual;
    };

    static Level make_level(Csr a) {
        Level level;
        level.diag = a.diagonal();
        level.b.assign(a.rows, 0.0);
        level.x.assign(a.rows, 0.0);
        level.residual.assign(a.rows, 0.0);
        level.a = std::move(a);
        return level;
    }

    static void gauss_seidel(Level& l, bool forward) {
        const std::size_t n = l.a.rows;
        for (std::size_t step = 0; step < n; ++step) {
            const std::size_t i = forward ? step : n - 1 - step;
            double sum = l.b[i];
            for (std::size_t k = l.a.start[i]; k < l.a.start[i + 1]; ++k) {
                sum -= l.a.val[k] * l.x[l.a.col[k]];
            }
            l.x[i] += sum / l.diag[i];
        }
    }

    void cycle(std::size_t index) {
        Level& l = levels_[index];
        if (index + 1 == levels_.size()) {
            solve_coarsest(l);
            return;
        }
        std::fill(l.x.begin(), l.x.end(), 0.0);
        for (int s = 0; s < kSmoothingSweeps; ++s) gauss_seidel(l, true);
        l.a.multiply(l.x.data(), l.residual.data());
        for (std::size_t i = 0; i < l.residual.size(); ++i) l.residual[i] = l.b[i] - l.residual[i];
        Level& next = levels_[index + 1];
        l.r.multiply(l.residual.data(), next.b.data());
        cycle(index + 1);
        l.p.multiply(next.x.data(), l.residual.data());
        for (std::size_t i = 0; i < l.x.size(); ++i) l.x[i] += l.residual[i];
        for (int s = 0; s < kSmoothingSweeps; ++s) gauss_seidel(l, false);
    }

    void factor_coarsest() {
        const Csr& a = levels_.back().a;
        n_ = a.rows;
        chol_.assign(n_ * n_, 0.0);
        for (std::size_t r = 0; r < n_; ++r) {
            for (std::size_t k = a.start[r]; k < a.start[r + 1]; ++k) {
                chol_[r * n_ + a.col[k]] += a.val[k];
            }
        }
        // In-place Cholesky, lower triangle. The matrix is positive definite (the ε prior).
        for (std::size_t j = 0; j < n_; ++j) {
            double d = chol_[j * n_ + j];
            for (std::size_t k = 0; k < j; ++k) d -= chol_[j * n_ + k] * chol_[j * n_ + k];
            d = std::sqrt(std::max(d, 1e-300));
            chol_[j * n_ + j] = d;
            for (std::size_t i = j + 1; i < n_; ++i) {
                double s = chol_[i * n_ + j];
                for (std::size_t k = 0; k < j; ++k) s -= chol_[i * n_ + k] * chol_[j * n_ + k];
                chol_[i * n_ + j] = s / d;
            }
        }
    }

    void solve_coarsest(Level& l) const {
        std::vector<double>& x = l.x;
        for (std::size_t i = 0; i < n_; ++i) {
            double s = l.b[i];
            for (std::size_t k = 0; k < i; ++k) s -= chol_[i * n_ + k] * x[k];
            x[i] = s / chol_[i * n_ + i];
        }
        for (std::size_t i = n_; i-- > 0;) {
            double s = x[i];
            for (std::size_t k = i + 1; k < n_; ++k) s -= chol_[k * n_ + i] * x[k];
            x[i] = s / chol_[i * n_ + i];
        }
    }

    std::vector<Level> levels_;
    std::vector<double> chol_;
    std::size_t n_ = 0;
};

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double sum = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
    return sum;
}

/// Preconditioned conjugate gradients from the x given; the final relative residual.
double conjugate_gradients(Multigrid& mg, const std::vector<double>& b, std::vector<double>& x) {
    const Csr& a = mg.matrix();
    const std::size_t n = b.size();
    std::vector<double> r(n), z(n), p(n), q(n);
    a.multiply(x.data(), q.data());
    for (std::size_t i = 0; i < n; ++i) r[i] = b[i] - q[i];
    const double b_norm = std::max(std::sqrt(dot(b, b)), 1e-300);
    double relative = std::sqrt(dot(r, r)) / b_norm;
    if (relative <= kTolerance) return relative;
    mg.precondition(r, z);
    p = z;
    double rz = dot(r, z);
    for (int it = 0; it < kMaxIterations; ++it) {
        a.multiply(p.data(), q.data());
        const double alpha = rz / dot(p, q);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] += alpha * p[i];
            r[i] -= alpha * q[i];
        }
        relative = std::sqrt(dot(r, r)) / b_norm;
        if (relative <= kTolerance) break;
        mg.precondition(r, z);
        const double rz_next = dot(r, z);
        const double beta = rz_next / rz;
        rz = rz_next;
        for (std::size_t i = 0; i < n; ++i) p[i] = z[i] + beta * p[i];
    }
    return relative;
}

}  // namespace

std::vector<double> solve_lattice_system(Csr a, int size,
                                         const std::vector<std::vector<double>>& rhs,
                                         std::vector<std::vector<double>>& x) {
    Multigrid mg(std::move(a), size);
    std::vector<double> residuals;
    for (std::size_t c = 0; c < rhs.size() && c < x.size(); ++c)
        residuals.push_back(conjugate_gradients(mg, rhs[c], x[c]));
    return residuals;
}

}  // namespace huescope
