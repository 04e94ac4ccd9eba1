#include <string>
#include <vector>

#include "huescope/color_encoding.hpp"

namespace huescope {

const std::vector<InputColorspace>& input_colorspaces() {
    // One explicit list. Camera log and ACEScct go through OpenColorIO's built-in transforms
    // (Debian's OCIO 2.1 has no built-in configs, but its built-in transforms need none).
    static const std::vector<InputColorspace> spaces = {
        {"srgb", "sRGB (IEC 61966-2-1)", Transfer::Srgb, "bt709", "", Matrix::Bt709},
        {"rec709", "BT.709 primaries, BT.1886 display (gamma 2.4)", Transfer::Bt1886, "bt709", "",
         Matrix::Bt709},
        {"rec2020", "BT.2020 primaries, BT.1886 display (SDR)", Transfer::Bt1886, "bt2020", "",
         Matrix::Bt2020Ncl},
        {"rec2020-pq", "BT.2100 PQ (SMPTE ST 2084), BT.2020 primaries", Transfer::Pq, "bt2020", "",
         Matrix::Bt2020Ncl},
        {"rec2020-hlg", "BT.2100 HLG (ARIB STD-B67), BT.2020 primaries", Transfer::Hlg, "bt2020",
         "", Matrix::Bt2020Ncl},
        {"p3-d65", "Display P3 primaries (D65), BT.1886 display", Transfer::Bt1886, "display-p3",
         "", Matrix::Bt709},
        {"linear-rec709", "scene-linear BT.709 / sRGB primaries", Transfer::Linear, "bt709", "",
         Matrix::Bt709},
        {"linear-rec2020", "scene-linear BT.2020 primaries", Transfer::Linear, "bt2020", "",
         Matrix::Bt2020Ncl},
        {"acescg", "ACEScg: scene-linear AP1", Transfer::Linear, "aces-ap1", "", Matrix::Bt709},
        {"aces2065-1", "ACES2065-1: scene-linear AP0", Transfer::Linear, "aces-ap0", "",
         Matrix::Bt709},
        {"acescct", "ACEScct: log AP1 (OpenColorIO ACEScct_to_ACES2065-1)", Transfer::Ocio,
         "aces-ap0", "ACEScct_to_ACES2065-1", Matrix::Bt709},
        {"arri-logc3-awg", "ARRI LogC3 EI 800, ARRI Wide Gamut 3 (OpenColorIO built-in)",
         Transfer::Ocio, "aces-ap0", "ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1", Matrix::Bt709},
    };
    return spaces;
}

bool apply_input_colorspace(const ColorOverrides& o, bool matrix_tagged, ColorEncoding& enc,
                            std::string& error) {
    if (o.input_colorspace.empty()) {
        if (!o.ocio_config.empty()) error = "--ocio-config needs --input-colorspace";
        return o.ocio_config.empty();
    }
    enc.input_colorspace = o.input_colorspace;
    enc.transfer_from = enc.primaries_from = Provenance::User;
    if (!o.ocio_config.empty()) {
        // A user's config: its colour space is decoded to the config's ACES interchange space.
        enc.transfer = Transfer::Ocio;
        enc.ocio_config = o.ocio_config;
        enc.ocio_colorspace = o.input_colorspace;
        standard_primaries("aces-ap0", enc.primaries);
        return true;
    }
    for (const InputColorspace& space : input_colorspaces()) {
        if (o.input_colorspace != space.name) continue;
        enc.transfer = space.transfer;
        enc.ocio_builtin = space.ocio_builtin;
        standard_primaries(space.primaries, enc.primaries);
        if (!matrix_tagged && enc.matrix != Matrix::Identity) {
            enc.matrix = space.matrix;
            enc.notes.push_back(std::string("matrix untagged: assumed ") +
                                matrix_name(space.matrix) + ", the usual one for " + space.name);
        }
        return true;
    }
    error = "unknown input colour space '" + o.input_colorspace +
            "' (huescope probe --list-colorspaces lists them; use --ocio-config for others)";
    return false;
}

}  // namespace huescope
