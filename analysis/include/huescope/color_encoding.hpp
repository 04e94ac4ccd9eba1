#pragma once
// How the numbers in a decoded picture map to light: matrix, range, transfer and primaries, each
// with a record of where the value came from (stream tag, user, or an assumption).

#include <string>
#include <vector>

namespace huescope {

/// A point on the CIE 1931 xy chromaticity diagram.
struct Chromaticity {
    double x = 0.0;
    double y = 0.0;
};

/// Red, green and blue primaries plus the white point of an RGB space.
struct Primaries {
    std::string name;  ///< e.g. "bt709", or "custom" when read from an EXR header
    Chromaticity red, green, blue, white;
};

/// Y'CbCr to R'G'B' matrix. `Identity` means the planes already hold G'B'R' (RGB formats).
enum class Matrix { Identity, Bt601, Bt709, Bt2020Ncl, Smpte240m, Fcc };

enum class Range { Limited, Full };

/// The decoding (display) function applied to get linear light. SDR video is decoded with its
/// display EOTF (BT.1886 for BT.709-family tags), because that is the light the grade was judged
/// in. PQ and HLG are decoded to display light with 203 cd/m2 = 1.0 (ITU-R BT.2408). `Ocio` means
/// an OpenColorIO transform (camera log, ACEScct, a user's config) decodes R'G'B' instead.
enum class Transfer { Bt1886, Srgb, Gamma22, Gamma28, Linear, Pq, Hlg, Ocio };

/// Where one part of the colour decode came from.
enum class Provenance { Tag, User, Assumed, Inherent };

/// The complete decode of a source's code values into linear light, with provenance.
struct ColorEncoding {
    Matrix matrix = Matrix::Bt709;
    Range range = Range::Limited;
    Transfer transfer = Transfer::Bt1886;
    Primaries primaries;

    Provenance matrix_from = Provenance::Assumed;
    Provenance range_from = Provenance::Assumed;
    Provenance transfer_from = Provenance::Assumed;
    Provenance primaries_from = Provenance::Assumed;

    /// Set when the user named an input colour space (--input-colorspace).
    std::string input_colorspace;
    /// For Transfer::Ocio: a built-in OCIO transform style, or a config file and colour space.
    /// The transform's output is linear light in `primaries`.
    std::string ocio_builtin;
    std::string ocio_config;
    std::string ocio_colorspace;

    /// Human-readable sentences explaining every assumption made, for reports and logs.
    std::vector<std::string> notes;
};

/// Standard primaries by name: bt709, bt601-625, bt601-525, bt2020, dci-p3, display-p3, bt470m,
/// film. Returns false for an unknown name.
bool standard_primaries(const std::string& name, Primaries& out);

/// Luma coefficients (Kr, Kb) of a Y'CbCr matrix. Identity has none (returns false).
bool luma_coefficients(Matrix matrix, double& kr, double& kb);

const char* matrix_name(Matrix matrix);
const char* range_name(Range range);
const char* transfer_name(Transfer transfer);
const char* provenance_name(Provenance provenance);

/// Parse the names printed by the *_name functions (used by command line overrides).
bool parse_matrix(const std::string& text, Matrix& out);
bool parse_range(const std::string& text, Range& out);
bool parse_transfer(const std::string& text, Transfer& out);

/// User overrides of the decode, each optional (empty string means "use the stream's").
struct ColorOverrides {
    std::string matrix;
    std::string range;
    std::string transfer;
    std::string primaries;
    std::string input_colorspace;  ///< a name from input_colorspace_names(), or one in ocio_config
    std::string ocio_config;       ///< an OpenColorIO config file for input_colorspace
};

/// A named input colour space: how R'G'B' becomes linear light, in which primaries.
struct InputColorspace {
    const char* name;
    const char* description;
    Transfer transfer;
    const char* primaries;
    const char* ocio_builtin;  ///< "" unless an OCIO built-in transform decodes it
    Matrix matrix;             ///< the matrix to assume for Y'CbCr sources whose matrix is untagged
};

/// Every built-in input colour space, for --input-colorspace and `huescope probe
/// --list-colorspaces`.
const std::vector<InputColorspace>& input_colorspaces();

/// Applies --input-colorspace / --ocio-config to an encoding. `matrix_tagged` tells whether the
/// stream's own matrix is known (otherwise the colour space's usual matrix is assumed).
bool apply_input_colorspace(const ColorOverrides& overrides, bool matrix_tagged,
                            ColorEncoding& encoding, std::string& error);

}  // namespace huescope
