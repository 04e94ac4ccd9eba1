#pragma once
// The linear solver of the LUT fit: a sparse symmetric positive definite system on a size^3
// lattice, solved by conjugate gradients preconditioned with a geometric multigrid V-cycle
// (lut_fit.cpp says why: the thin-plate operator's condition number grows as size^4).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace huescope {

/// Nodes of an n x n x n lattice.
inline std::size_t lattice_nodes(int n) {
    const auto s = static_cast<std::size_t>(n);
    return s * s * s;
}

/// Compressed sparse rows.
struct Csr {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<std::size_t> start{0};
    std::vector<uint32_t> col;
    std::vector<double> val;

    /// The stored entry (r, c) of a matrix whose rows are sorted; it must exist.
    double& at(std::size_t r, std::size_t c) {
        const auto first = col.begin() + static_cast<std::ptrdiff_t>(start[r]);
        const auto last = col.begin() + static_cast<std::ptrdiff_t>(start[r + 1]);
        const auto it = std::lower_bound(first, last, static_cast<uint32_t>(c));
        return val[static_cast<std::size_t>(it - col.begin())];
    }

    void multiply(const double* x, double* y) const {
        for (std::size_t r = 0; r < rows; ++r) {
            double sum = 0.0;
            for (std::size_t k = start[r]; k < start[r + 1]; ++k) sum += val[k] * x[col[k]];
            y[r] = sum;
        }
    }

    std::vector<double> diagonal() const {
        std::vector<double> d(rows, 0.0);
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t k = start[r]; k < start[r + 1]; ++k) {
                if (col[k] == r) d[r] += val[k];
            }
        }
        return d;
    }
};

/// Solves A x = b for each right-hand side in `rhs`, starting from the `x` given (one vector per
/// right-hand side, each size^3 long), to a relative residual of 1e-11. Returns each final
/// relative residual. A must be symmetric positive definite on the size^3 lattice, rows sorted.
std::vector<double> solve_lattice_system(Csr a, int size,
                                         const std::vector<std::vector<double>>& rhs,
                                         std::vector<std::vector<double>>& x);

}  // namespace huescope
