#include "huescope/color_encoding.hpp"

#include <array>
#include <cstring>

namespace huescope {
namespace {

// Chromaticities from ITU-R BT.709, BT.601 (BT.470 B/G and SMPTE 170M), BT.2020, SMPTE RP 431-2,
// SMPTE EG 432-1, BT.470 System M and Illuminant C film, as listed in ITU-T H.273 table 2.
constexpr Chromaticity kD65{0.3127, 0.3290};
constexpr Chromaticity kIlluminantC{0.310, 0.316};
constexpr Chromaticity kDciWhite{0.314, 0.351};

constexpr Chromaticity kAcesWhite{0.32168, 0.33767};

const std::array<Primaries, 11>& primaries_table() {
    static const std::array<Primaries, 11> table = {{
        {"bt709", {0.640, 0.330}, {0.300, 0.600}, {0.150, 0.060}, kD65},
        {"bt601-625", {0.640, 0.330}, {0.290, 0.600}, {0.150, 0.060}, kD65},
        {"bt601-525", {0.630, 0.340}, {0.310, 0.595}, {0.155, 0.070}, kD65},
        {"bt2020", {0.708, 0.292}, {0.170, 0.797}, {0.131, 0.046}, kD65},
        {"dci-p3", {0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060}, kDciWhite},
        {"display-p3", {0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060}, kD65},
        {"bt470m", {0.670, 0.330}, {0.210, 0.710}, {0.140, 0.080}, kIlluminantC},
        {"film", {0.681, 0.319}, {0.243, 0.692}, {0.145, 0.049}, kIlluminantC},
        // SMPTE ST 2065-1 (ACES AP0), Academy S-2014-004 (ACEScg AP1), ARRI Wide Gamut 3.
        {"aces-ap0", {0.7347, 0.2653}, {0.0, 1.0}, {0.0001, -0.0770}, kAcesWhite},
        {"aces-ap1", {0.713, 0.293}, {0.165, 0.830}, {0.128, 0.044}, kAcesWhite},
        {"arri-awg", {0.6840, 0.3130}, {0.2210, 0.8480}, {0.0861, -0.1020}, kD65},
    }};
    return table;
}

template <typename Enum, std::size_t N>
bool parse_by_name(const std::string& text, const std::array<Enum, N>& values,
                   const char* (*name)(Enum), Enum& out) {
    for (Enum value : values) {
        if (text == name(value)) {
            out = value;
            return true;
        }
    }
    return false;
}

}  // namespace

bool standard_primaries(const std::string& name, Primaries& out) {
    for (const Primaries& p : primaries_table()) {
        if (p.name == name) {
            out = p;
            return true;
        }
    }
    return false;
}

bool luma_coefficients(Matrix matrix, double& kr, double& kb) {
    switch (matrix) {
        case Matrix::Bt601:
            kr = 0.299;
            kb = 0.114;
            return true;
        case Matrix::Bt709:
            kr = 0.2126;
            kb = 0.0722;
            return true;
        case Matrix::Bt2020Ncl:
            kr = 0.2627;
            kb = 0.0593;
            return true;
        case Matrix::Smpte240m:
            kr = 0.212;
            kb = 0.087;
            return true;
        case Matrix::Fcc:
            kr = 0.30;
            kb = 0.11;
            return true;
        case Matrix::Identity:
            return false;
    }
    return false;
}

const char* matrix_name(Matrix matrix) {
    switch (matrix) {
        case Matrix::Identity:
            return "rgb";
        case Matrix::Bt601:
            return "bt601";
        case Matrix::Bt709:
            return "bt709";
        case Matrix::Bt2020Ncl:
            return "bt2020nc";
        case Matrix::Smpte240m:
            return "smpte240m";
        case Matrix::Fcc:
            return "fcc";
    }
    return "?";
}

const char* range_name(Range range) {
    return range == Range::Full ? "full" : "limited";
}

const char* transfer_name(Transfer transfer) {
    switch (transfer) {
        case Transfer::Bt1886:
            return "bt1886";
        case Transfer::Srgb:
            return "srgb";
        case Transfer::Gamma22:
            return "gamma22";
        case Transfer::Gamma28:
            return "gamma28";
        case Transfer::Linear:
            return "linear";
        case Transfer::Pq:
            return "pq";
        case Transfer::Hlg:
            return "hlg";
        case Transfer::Ocio:
            return "ocio";
    }
    return "?";
}

const char* provenance_name(Provenance provenance) {
    switch (provenance) {
        case Provenance::Tag:
            return "tag";
        case Provenance::User:
            return "user";
        case Provenance::Assumed:
            return "assumed";
        case Provenance::Inherent:
            return "inherent";
    }
    return "?";
}

bool parse_matrix(const std::string& text, Matrix& out) {
    static constexpr std::array kAll = {Matrix::Identity,  Matrix::Bt601,     Matrix::Bt709,
                                        Matrix::Bt2020Ncl, Matrix::Smpte240m, Matrix::Fcc};
    return parse_by_name(text, kAll, matrix_name, out);
}

bool parse_range(const std::string& text, Range& out) {
    static constexpr std::array kAll = {Range::Limited, Range::Full};
    return parse_by_name(text, kAll, range_name, out);
}

bool parse_transfer(const std::string& text, Transfer& out) {
    static constexpr std::array kAll = {Transfer::Bt1886,  Transfer::Srgb,   Transfer::Gamma22,
                                        Transfer::Gamma28, Transfer::Linear, Transfer::Pq,
                                        Transfer::Hlg};
    return parse_by_name(text, kAll, transfer_name, out);
}

}  // namespace huescope
