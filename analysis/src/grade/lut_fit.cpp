// Fitting a 3D LUT to scattered (before, after) pairs.
//
// Model. The LUT's output at a colour x is the tetrahedral interpolation of its nodes v:
// f(x) = sum_k w_k(x) v_k, with the weights that OpenColorIO (INTERP_TETRAHEDRAL), FFmpeg's lut3d
// (its default) and grading tools use. f is linear in v, so fitting the nodes is linear least
// squares, and because the data term uses the players' own interpolation, data produced by a LUT
// of the same size is reproduced by that LUT's nodes: the fit estimates what a player will do, not
// a different interpolant that a player would then distort.
//
// Data term. sum over samples s of (1 / n_cell(s)) |f(x_s) - y_s|^2. Each occupied lattice cell
// carries the same total weight 1, however many pixels fell in it. A film's pixels pile up on a
// few colours (skin, sky, shadow); unweighted, those would decide the balance between data and
// smoothness everywhere and λ below would mean something different in every film. With equal
// cell weights the fit describes the grade across the colours the film shows, and λ has a fixed
// meaning. Because a sample's weight depends only on its cell's count, the weighted normal
// equations of a cell are its unweighted ones divided by the count: add() accumulates, per cell,
// the 8x8 block sum w w^T (upper triangle, 36 values), the 8x3 sum w y^T and the count, and
// solve() scales them. One pass, memory fixed at (size-1)^3 cells (16 MB at 33), and merging
// per-thread fitters is addition.
//
// Smoothness. λ times the discrete thin-plate energy: squared second differences along each axis
// plus twice the squared mixed differences (the squared Frobenius norm of the Hessian). Its null
// space is exactly the affine functions, so an identity or any matrix-plus-offset grade costs
// nothing and empty regions are filled by a smooth, near-affine continuation of the data.
// (Along-axis second differences alone vanish on all trilinear functions: an rg, rb, gb or rgb
// twist seen in a small populated region would be extrapolated unboundedly into the empty cube.)
// λ = 1e-4 against a cell weight of 1 (a node's data diagonal is about 0.5 inside the cube, as
// little as 0.02 at the cube's corners, which only two of a cell's six tetrahedra reach). Where
// data is present it dominates: the smoothing length is (λ / w)^(1/4), a tenth of a cell, and a
// smooth grade's nodes are biased by about λ times its discrete second or fourth derivatives over
// that diagonal. Measured on a random smooth LUT, the worst node (a cube corner) moved 2e-5 with
// λ = 1e-4 and 1.4e-4 with 1e-3. So smoothness decides only where data is absent, or where a
// sparse cell's few samples leave some of its nodes undetermined, and there the fill does not
// depend on λ at all. Smaller λ would buy a bias reduction nobody can see with a worse-conditioned
// system, and let a sparse cell's few noisy samples bend its nodes more freely.
//
// Prior. ε = 1e-13 times |v - identity|^2 makes the system positive definite even when the data
// cannot pin the affine null space (every sample on the grey axis, say): then the unobserved
// directions default to "no change". Its pull is tiny: the softest thin-plate mode over the whole
// lattice has an eigenvalue near λ (π / 64)^4 ≈ 6e-10, so ε bends even a fill that spans the
// entire cube by about 2e-4 of the grade's distance from identity, and much less over the usual,
// shorter spans (2e-6 absolute for a half-empty cube in the tests).
//
// Solver. The normal matrix (one for the three channels) is sparse: 27 neighbours from the data
// term plus the ±2 axis neighbours of the second differences. The thin-plate operator's condition
// number grows as size^4, so conjugate gradients with a Jacobi preconditioner need about 1600
// iterations per channel (8.5 s) when half of a 33^3 lattice is empty, and a real film leaves
// most of it empty. Conjugate gradients are therefore preconditioned by one multigrid V-cycle
// (17 iterations, under 1 s): Galerkin coarse matrices P^T A P with trilinear
// prolongation, symmetric Gauss-Seidel smoothing (forward before, backward after, so the
// preconditioner is symmetric as CG requires) and a dense Cholesky solve at the coarsest level
// (at most 216 nodes). In double precision to a relative residual of 1e-11, from identity.

#include "grade/lut_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

#include "grade/lattice_solver.hpp"

namespace huescope {

namespace {

constexpr int kMinSize = 2;
constexpr int kMaxSize = 129;  // OpenColorIO's largest 3D LUT
constexpr double kLambda = 1e-4;
constexpr double kEpsilon = 1e-13;
// A solve that stalls above this is a bug, not a slightly less exact LUT.
constexpr double kAcceptableResidual = 1e-8;

// One cell's statistics: 36 upper-triangle entries of the 8x8 block, 8x3 A^T y, the count, and
// padding to whole cache lines.
constexpr int kAtyOffset = 36;
constexpr int kCountOffset = 60;
constexpr std::size_t kCellStride = 64;

// Corners of a cell are coded by bits: 1 = red + 1, 2 = green + 1, 4 = blue + 1.
constexpr std::array<std::array<int, 8>, 8> make_pair_index() {
    std::array<std::array<int, 8>, 8> index{};
    int next = 0;
    for (int p = 0; p < 8; ++p) {
        for (int q = p; q < 8; ++q) {
            index[p][q] = next;
            index[q][p] = next;
            ++next;
        }
    }
    return index;
}
constexpr std::array<std::array<int, 8>, 8> kPairIndex = make_pair_index();

/// The tetrahedron of a cell holding fractional position (fr, fg, fb), and the barycentric
/// weights of its 4 corners. Corners come out in increasing code order.
struct Tetrahedron {
    std::array<int, 4> corner;
    std::array<double, 4> weight;
};

inline Tetrahedron tetrahedron(double fr, double fg, double fb) {
    // The six tetrahedra share the cell's grey diagonal; which one holds the point follows from
    // the order of the fractions. Walking from corner 0 along the axes in decreasing fraction
    // gives the corners, and the fraction gaps are the weights. Ties give equal fractions and so
    // zero weights, so how they are broken does not change a value.
    const std::array<double, 3> f{fr, fg, fb};
    int a = 0;
    int b = 1;
    int c = 2;
    if (f[a] < f[b]) std::swap(a, b);
    if (f[b] < f[c]) std::swap(b, c);
    if (f[a] < f[b]) std::swap(a, b);
    return {{0, 1 << a, (1 << a) | (1 << b), 7}, {1.0 - f[a], f[a] - f[b], f[b] - f[c], f[c]}};
}

/// NaN goes to 0; callers skip NaN inputs before this matters.
inline double clamp01(double x) {
    return x > 0.0 ? (x < 1.0 ? x : 1.0) : 0.0;
}

/// The cell (0..cells-1) along one axis and the fraction within it; 1.0 lands at the top of the
/// last cell.
inline int locate(double x, int cells, double& fraction) {
    const double scaled = clamp01(x) * cells;
    int index = static_cast<int>(scaled);
    if (index > cells - 1) index = cells - 1;
    fraction = scaled - index;
    return index;
}

inline std::size_t corner_offset(int corner, std::size_t size) {
    return static_cast<std::size_t>(corner & 1) + ((corner >> 1) & 1) * size +
           ((corner >> 2) & 1) * size * size;
}

bool valid_size(int size) {
    return size >= kMinSize && size <= kMaxSize;
}

// ---- Assembling the normal equations -----------------------------------------------------------

/// The sparsity pattern of the normal matrix: every node within ±1 on all axes, and ±2 along one.
Csr stencil_pattern(int size) {
    const auto n = static_cast<std::size_t>(size);
    Csr m;
    m.rows = lattice_nodes(size);
    m.cols = m.rows;
    std::vector<uint32_t> row;
    for (int b = 0; b < size; ++b) {
        for (int g = 0; g < size; ++g) {
            for (int r = 0; r < size; ++r) {
                row.clear();
                for (int db = -2; db <= 2; ++db) {
                    for (int dg = -2; dg <= 2; ++dg) {
                        for (int dr = -2; dr <= 2; ++dr) {
                            const int reach = std::abs(db) + std::abs(dg) + std::abs(dr);
                            const int far = std::max({std::abs(db), std::abs(dg), std::abs(dr)});
                            if (far == 2 && reach != 2) continue;  // ±2 only along one axis
                            const int nb = b + db;
                            const int ng = g + dg;
                            const int nr = r + dr;
                            if (nb < 0 || ng < 0 || nr < 0 || nb >= size || ng >= size ||
                                nr >= size) {
                                continue;
                            }
                            row.push_back(static_cast<uint32_t>(
                                (static_cast<std::size_t>(nb) * n + static_cast<std::size_t>(ng)) *
                                    n +
                                static_cast<std::size_t>(nr)));
                        }
                    }
                }
                std::sort(row.begin(), row.end());
                m.col.insert(m.col.end(), row.begin(), row.end());
                m.start.push_back(m.col.size());
            }
        }
    }
    m.val.assign(m.col.size(), 0.0);
    return m;
}

template <std::size_t K>
void add_outer(Csr& m, const std::array<std::size_t, K>& nodes, const std::array<double, K>& coeff,
               double weight) {
    for (std::size_t i = 0; i < K; ++i) {
        for (std::size_t j = 0; j < K; ++j)
            m.at(nodes[i], nodes[j]) += weight * coeff[i] * coeff[j];
    }
}

/// λ times the thin-plate energy: squared second differences along each axis, plus twice the
/// squared mixed differences.
void add_smoothness(Csr& m, int size) {
    const auto n = static_cast<std::size_t>(size);
    const std::array<std::size_t, 3> stride{1, n, n * n};
    for (std::size_t b = 0; b < n; ++b) {
        for (std::size_t g = 0; g < n; ++g) {
            for (std::size_t r = 0; r < n; ++r) {
                const std::array<std::size_t, 3> at{r, g, b};
                const std::size_t node = (b * n + g) * n + r;
                for (std::size_t axis = 0; axis < 3; ++axis) {
                    if (at[axis] == 0 || at[axis] + 1 >= n) continue;
                    add_outer<3>(m, {node - stride[axis], node, node + stride[axis]},
                                 {1.0, -2.0, 1.0}, kLambda);
                }
                for (std::size_t u = 0; u < 3; ++u) {
                    for (std::size_t v = u + 1; v < 3; ++v) {
                        if (at[u] + 1 >= n || at[v] + 1 >= n) continue;
                        add_outer<4>(m,
                                     {node, node + stride[u], node + stride[v],
                                      node + stride[u] + stride[v]},
                                     {1.0, -1.0, -1.0, 1.0}, 2.0 * kLambda);
                    }
                }
            }
        }
    }
}

}  // namespace

// ---- Lut3D -------------------------------------------------------------------------------------

Vec3 Lut3D::apply(const Vec3& rgb) const {
    if (size < kMinSize || values.size() != lattice_nodes(size) * 3) return rgb;
    const int cells = size - 1;
    std::array<double, 3> f{};
    const int ir = locate(rgb[0], cells, f[0]);
    const int ig = locate(rgb[1], cells, f[1]);
    const int ib = locate(rgb[2], cells, f[2]);
    const auto n = static_cast<std::size_t>(size);
    const std::size_t base = (static_cast<std::size_t>(ib) * n + static_cast<std::size_t>(ig)) * n +
                             static_cast<std::size_t>(ir);
    const Tetrahedron t = tetrahedron(f[0], f[1], f[2]);
    Vec3 out{0.0, 0.0, 0.0};
    for (std::size_t k = 0; k < 4; ++k) {
        const float* node = values.data() + (base + corner_offset(t.corner[k], n)) * 3;
        for (std::size_t c = 0; c < 3; ++c) out[c] += t.weight[k] * node[c];
    }
    return out;
}

Lut3D Lut3D::identity(int size) {
    Lut3D lut;
    lut.size = std::clamp(size, kMinSize, kMaxSize);
    const auto n = static_cast<std::size_t>(lut.size);
    lut.values.resize(lattice_nodes(lut.size) * 3);
    lut.filled.assign(lattice_nodes(lut.size), 0);
    const double step = 1.0 / static_cast<double>(n - 1);
    for (std::size_t b = 0; b < n; ++b) {
        for (std::size_t g = 0; g < n; ++g) {
            for (std::size_t r = 0; r < n; ++r) {
                float* node = lut.values.data() + ((b * n + g) * n + r) * 3;
                node[0] = static_cast<float>(static_cast<double>(r) * step);
                node[1] = static_cast<float>(static_cast<double>(g) * step);
                node[2] = static_cast<float>(static_cast<double>(b) * step);
            }
        }
    }
    return lut;
}

// ---- LutFitter ---------------------------------------------------------------------------------

LutFitter::LutFitter(int size) : m_size(size) {
    if (valid_size(size)) m_cells.assign(lattice_nodes(size - 1) * kCellStride, 0.0);
}

void LutFitter::add(const float* before, const float* after, std::size_t pixels) {
    if (m_cells.empty()) return;
    const int cells = m_size - 1;
    const auto n = static_cast<std::size_t>(cells);
    for (std::size_t i = 0; i < pixels; ++i) {
        const float* in = before + i * 3;
        const float* out = after + i * 3;
        if (std::isnan(in[0]) || std::isnan(in[1]) || std::isnan(in[2]) || !std::isfinite(out[0]) ||
            !std::isfinite(out[1]) || !std::isfinite(out[2])) {
            continue;
        }
        std::array<double, 3> f{};
        const int ir = locate(in[0], cells, f[0]);
        const int ig = locate(in[1], cells, f[1]);
        const int ib = locate(in[2], cells, f[2]);
        const std::size_t cell =
            (static_cast<std::size_t>(ib) * n + static_cast<std::size_t>(ig)) * n +
            static_cast<std::size_t>(ir);
        double* s = m_cells.data() + cell * kCellStride;
        const Tetrahedron t = tetrahedron(f[0], f[1], f[2]);
        const double y0 = out[0];
        const double y1 = out[1];
        const double y2 = out[2];
        for (std::size_t a = 0; a < 4; ++a) {
            const double wa = t.weight[a];
            const auto ca = static_cast<std::size_t>(t.corner[a]);
            for (std::size_t b = a; b < 4; ++b) {
                s[kPairIndex[ca][static_cast<std::size_t>(t.corner[b])]] += wa * t.weight[b];
            }
            double* aty = s + kAtyOffset + ca * 3;
            aty[0] += wa * y0;
            aty[1] += wa * y1;
            aty[2] += wa * y2;
        }
        s[kCountOffset] += 1.0;
        ++m_samples;
    }
}

void LutFitter::merge(const LutFitter& other) {
    if (other.m_size != m_size) {
        m_size_mismatch = true;
        return;
    }
    m_size_mismatch = m_size_mismatch || other.m_size_mismatch;
    for (std::size_t i = 0; i < m_cells.size(); ++i) m_cells[i] += other.m_cells[i];
    m_samples += other.m_samples;
}

Result<Lut3D> LutFitter::solve() const {
    if (!valid_size(m_size)) {
        return Status(ErrorCode::InvalidArgument,
                      "LUT size " + std::to_string(m_size) + " is outside 2..129");
    }
    if (m_size_mismatch) {
        return Status(ErrorCode::Internal, "LUT fitters of different sizes were merged");
    }
    if (m_samples == 0) {
        return Status(ErrorCode::BadData, "no colour samples to fit a LUT to");
    }
    const auto n = static_cast<std::size_t>(m_size);
    const std::size_t cells = n - 1;
    const std::size_t nodes = lattice_nodes(m_size);

    Csr normal = stencil_pattern(m_size);
    std::vector<std::vector<double>> rhs(3, std::vector<double>(nodes, 0.0));

    Lut3D lut;
    lut.size = m_size;
    lut.samples = m_samples;
    std::vector<uint8_t> occupied(lattice_nodes(m_size - 1), 0);
    for (std::size_t cb = 0; cb < cells; ++cb) {
        for (std::size_t cg = 0; cg < cells; ++cg) {
            for (std::size_t cr = 0; cr < cells; ++cr) {
                const std::size_t cell = (cb * cells + cg) * cells + cr;
                const double* s = m_cells.data() + cell * kCellStride;
                const double count = s[kCountOffset];
                if (count == 0.0) continue;
                occupied[cell] = 1;
                ++lut.cells_with_data;
                const double weight = 1.0 / count;
                const std::size_t base = (cb * n + cg) * n + cr;
                std::array<std::size_t, 8> node{};
                for (int c = 0; c < 8; ++c)
                    node[static_cast<std::size_t>(c)] = base + corner_offset(c, n);
                for (std::size_t p = 0; p < 8; ++p) {
                    for (std::size_t q = p; q < 8; ++q) {
                        const double v = s[kPairIndex[p][q]] * weight;
                        normal.at(node[p], node[q]) += v;
                        if (q != p) normal.at(node[q], node[p]) += v;
                    }
                    for (std::size_t c = 0; c < 3; ++c) {
                        rhs[c][node[p]] += s[kAtyOffset + p * 3 + c] * weight;
                    }
                }
            }
        }
    }
    add_smoothness(normal, m_size);

    // The prior, and the identity that is both its target and the solver's starting point.
    const Lut3D identity = Lut3D::identity(m_size);
    std::vector<std::vector<double>> solution(3);
    for (std::size_t c = 0; c < 3; ++c) {
        solution[c].resize(nodes);
        for (std::size_t i = 0; i < nodes; ++i) {
            const double target = identity.values[i * 3 + c];
            solution[c][i] = target;
            rhs[c][i] += kEpsilon * target;
        }
    }
    for (std::size_t i = 0; i < nodes; ++i) normal.at(i, i) += kEpsilon;

    const std::vector<double> residuals =
        solve_lattice_system(std::move(normal), m_size, rhs, solution);
    for (double residual : residuals) {
        if (!(residual <= kAcceptableResidual)) {
            return Status(ErrorCode::Internal, "the LUT fit did not converge (relative residual " +
                                                   std::to_string(residual) + ")");
        }
    }

    lut.values.resize(nodes * 3);
    for (std::size_t i = 0; i < nodes; ++i) {
        for (std::size_t c = 0; c < 3; ++c) {
            lut.values[i * 3 + c] = static_cast<float>(solution[c][i]);
        }
    }
    // A node is filled when none of the up to 8 cells around it holds a sample.
    lut.filled.assign(nodes, 1);
    for (std::size_t b = 0; b < n; ++b) {
        for (std::size_t g = 0; g < n; ++g) {
            for (std::size_t r = 0; r < n; ++r) {
                bool seen = false;
                for (std::size_t cb = (b > 0 ? b - 1 : 0); cb <= std::min(b, cells - 1); ++cb) {
                    for (std::size_t cg = (g > 0 ? g - 1 : 0); cg <= std::min(g, cells - 1); ++cg) {
                        for (std::size_t cr = (r > 0 ? r - 1 : 0); cr <= std::min(r, cells - 1);
                             ++cr) {
                            seen = seen || occupied[(cb * cells + cg) * cells + cr] != 0;
                        }
                    }
                }
                lut.filled[(b * n + g) * n + r] = seen ? 0 : 1;
            }
        }
    }
    return lut;
}

}  // namespace huescope
