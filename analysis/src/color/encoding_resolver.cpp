#include "huescope/encoding_resolver.hpp"

#include <cmath>
#include <string>

namespace huescope {
namespace {

bool is_unknown(const std::string& tag) {
    return tag.empty() || tag == "unknown" || tag == "unspecified" || tag == "reserved";
}

// FFmpeg's colorspace names -> matrix. Returns false for a tag that is known but not supported.
bool matrix_from_tag(const std::string& tag, Matrix& out) {
    if (tag == "bt709")
        out = Matrix::Bt709;
    else if (tag == "bt470bg" || tag == "smpte170m")
        out = Matrix::Bt601;
    else if (tag == "bt2020nc")
        out = Matrix::Bt2020Ncl;
    else if (tag == "smpte240m")
        out = Matrix::Smpte240m;
    else if (tag == "fcc")
        out = Matrix::Fcc;
    else if (tag == "rgb" || tag == "gbr")
        out = Matrix::Identity;
    else
        return false;
    return true;
}

bool transfer_from_tag(const std::string& tag, Transfer& out) {
    // Every camera-OETF tag of the BT.709 family is shown on a BT.1886 display: decode with that.
    if (tag == "bt709" || tag == "smpte170m" || tag == "smpte240m" || tag == "bt2020-10" ||
        tag == "bt2020-12" || tag == "bt1361e" || tag == "iec61966-2-4") {
        out = Transfer::Bt1886;
    } else if (tag == "iec61966-2-1") {
        out = Transfer::Srgb;
    } else if (tag == "gamma22") {
        out = Transfer::Gamma22;
    } else if (tag == "gamma28") {
        out = Transfer::Gamma28;
    } else if (tag == "linear") {
        out = Transfer::Linear;
    } else if (tag == "smpte2084") {
        out = Transfer::Pq;
    } else if (tag == "arib-std-b67") {
        out = Transfer::Hlg;
    } else {
        return false;
    }
    return true;
}

std::string primaries_name_from_tag(const std::string& tag) {
    if (tag == "bt709") return "bt709";
    if (tag == "bt470bg") return "bt601-625";
    if (tag == "smpte170m" || tag == "smpte240m") return "bt601-525";
    if (tag == "bt2020") return "bt2020";
    if (tag == "smpte431") return "dci-p3";
    if (tag == "smpte432") return "display-p3";
    if (tag == "bt470m") return "bt470m";
    if (tag == "film") return "film";
    return "";
}

// Standard-definition primaries follow the television system: 625 lines / 25 Hz is EBU
// (BT.601-625), 525 lines / 29.97 Hz is SMPTE C (BT.601-525).
std::string sd_primaries(const StreamShape& shape) {
    if (shape.height == 576) return "bt601-625";
    if (shape.height == 480 || shape.height == 486) return "bt601-525";
    const double rate = shape.frame_rate;
    const bool pal_rate = std::fabs(rate - 25.0) < 0.5 || std::fabs(rate - 50.0) < 0.5;
    return pal_rate ? "bt601-625" : "bt601-525";
}

Status unsupported(const std::string& what, const std::string& tag) {
    return Status(ErrorCode::Unsupported,
                  "the stream's " + what + " tag '" + tag + "' is not supported by huescope");
}

Status resolve_matrix(const RawColorTags& tags, const StreamShape& shape, ColorEncoding& enc) {
    if (shape.rgb || shape.gray) {
        enc.matrix = Matrix::Identity;
        enc.matrix_from = Provenance::Inherent;
        return Status::ok();
    }
    if (!is_unknown(tags.matrix)) {
        if (!matrix_from_tag(tags.matrix, enc.matrix) || enc.matrix == Matrix::Identity) {
            return unsupported("matrix (colorspace)", tags.matrix);
        }
        enc.matrix_from = Provenance::Tag;
        return Status::ok();
    }
    enc.matrix_from = Provenance::Assumed;
    if (tags.primaries == "bt2020") {
        enc.matrix = Matrix::Bt2020Ncl;
        enc.notes.push_back(
            "matrix untagged: assumed BT.2020 non-constant from the BT.2020 primaries");
    } else if (shape.height >= 720) {
        enc.matrix = Matrix::Bt709;
        enc.notes.push_back("matrix untagged: assumed BT.709 because the picture is " +
                            std::to_string(shape.height) + " lines high (720 or more)");
    } else {
        enc.matrix = Matrix::Bt601;
        enc.notes.push_back("matrix untagged: assumed BT.601 because the picture is " +
                            std::to_string(shape.height) + " lines high (under 720)");
    }
    return Status::ok();
}

void resolve_range(const RawColorTags& tags, const StreamShape& shape, ColorEncoding& enc) {
    if (tags.range == "tv" || tags.range == "mpeg") {
        enc.range = Range::Limited;
        enc.range_from = Provenance::Tag;
    } else if (tags.range == "pc" || tags.range == "jpeg") {
        enc.range = Range::Full;
        enc.range_from = Provenance::Tag;
    } else if (shape.full_range_pixel_format || shape.rgb) {
        enc.range = Range::Full;
        enc.range_from = Provenance::Inherent;
    } else {
        enc.range = Range::Limited;
        enc.range_from = Provenance::Assumed;
        enc.notes.push_back("range untagged: assumed limited (16-235 at 8 bit), the video default");
    }
}

Status resolve_transfer(const RawColorTags& tags, const StreamShape& shape, ColorEncoding& enc) {
    if (!is_unknown(tags.transfer)) {
        if (!transfer_from_tag(tags.transfer, enc.transfer)) {
            return unsupported("transfer", tags.transfer);
        }
        enc.transfer_from = Provenance::Tag;
        return Status::ok();
    }
    enc.transfer_from = Provenance::Assumed;
    if (shape.rgb) {
        enc.transfer = Transfer::Srgb;
        enc.notes.push_back("transfer untagged: assumed sRGB for an RGB pixel format");
    } else {
        enc.transfer = Transfer::Bt1886;
        enc.notes.push_back(
            "transfer untagged: assumed BT.1886 (gamma 2.4), the SDR video display");
    }
    return Status::ok();
}

Status resolve_primaries(const RawColorTags& tags, const StreamShape& shape, ColorEncoding& enc) {
    std::string name;
    if (!is_unknown(tags.primaries)) {
        name = primaries_name_from_tag(tags.primaries);
        if (name.empty()) return unsupported("primaries", tags.primaries);
        enc.primaries_from = Provenance::Tag;
    } else {
        enc.primaries_from = Provenance::Assumed;
        if (tags.matrix == "bt2020nc" || tags.matrix == "bt2020c") {
            name = "bt2020";
            enc.notes.push_back("primaries untagged: assumed BT.2020 from the BT.2020 matrix tag");
        } else if (shape.height >= 720 || shape.rgb) {
            name = "bt709";
            enc.notes.push_back(shape.rgb
                                    ? "primaries untagged: assumed BT.709/sRGB for RGB"
                                    : "primaries untagged: assumed BT.709 (720 lines or more)");
        } else {
            name = sd_primaries(shape);
            enc.notes.push_back("primaries untagged: assumed " + name +
                                " from the picture height and frame rate (standard definition)");
        }
    }
    standard_primaries(name, enc.primaries);
    return Status::ok();
}

// Applies one user override: parses `text` into `value` and marks it as the user's choice.
template <typename T, typename Parse>
Status apply_override(const std::string& text, const char* what, Parse parse, T& value,
                      Provenance& from) {
    if (text.empty()) return Status::ok();
    if (!parse(text, value)) {
        return Status(ErrorCode::InvalidArgument,
                      std::string("unknown ") + what + " '" + text + "'");
    }
    from = Provenance::User;
    return Status::ok();
}

Status apply_overrides(const ColorOverrides& o, ColorEncoding& enc) {
    Status s = apply_override(o.matrix, "matrix", parse_matrix, enc.matrix, enc.matrix_from);
    if (s) s = apply_override(o.range, "range", parse_range, enc.range, enc.range_from);
    if (s)
        s = apply_override(o.transfer, "transfer", parse_transfer, enc.transfer, enc.transfer_from);
    if (s) {
        s = apply_override(o.primaries, "primaries", standard_primaries, enc.primaries,
                           enc.primaries_from);
    }
    return s;
}

// Removes the notes about the parts of the decode that something other than an assumption decided.
void drop_notes(std::vector<std::string>& notes, const std::vector<std::string>& prefixes) {
    std::vector<std::string> kept;
    for (const std::string& note : notes) {
        bool replaced = false;
        for (const std::string& prefix : prefixes) replaced |= note.rfind(prefix, 0) == 0;
        if (!replaced) kept.push_back(note);
    }
    notes = kept;
}

}  // namespace

Result<ColorEncoding> resolve_encoding(const RawColorTags& tags, const StreamShape& shape,
                                       const ColorOverrides& overrides) {
    ColorEncoding enc;
    // A user's choice replaces a tag, so an unsupported tag is only fatal when not overridden.
    const bool colorspace = !overrides.input_colorspace.empty();
    if (!colorspace && !overrides.ocio_config.empty()) {
        return Status(ErrorCode::InvalidArgument, "--ocio-config needs --input-colorspace");
    }
    RawColorTags effective = tags;
    if (!overrides.matrix.empty()) effective.matrix = "unknown";
    if (!overrides.transfer.empty() || colorspace) effective.transfer = "unknown";
    if (!overrides.primaries.empty() || colorspace) effective.primaries = "unknown";
    if (Status s = resolve_matrix(effective, shape, enc); !s) return s;
    resolve_range(effective, shape, enc);
    if (Status s = resolve_transfer(effective, shape, enc); !s) return s;
    if (Status s = resolve_primaries(effective, shape, enc); !s) return s;

    if (colorspace) {
        const bool matrix_tagged = enc.matrix_from != Provenance::Assumed;
        drop_notes(enc.notes, matrix_tagged
                                  ? std::vector<std::string>{"transfer", "primaries"}
                                  : std::vector<std::string>{"matrix", "transfer", "primaries"});
        std::string error;
        if (!apply_input_colorspace(overrides, matrix_tagged, enc, error)) {
            return Status(ErrorCode::InvalidArgument, error);
        }
    }
    if (Status s = apply_overrides(overrides, enc); !s) return s;
    std::vector<std::string> replaced;
    if (!overrides.matrix.empty()) replaced.push_back("matrix");
    if (!overrides.range.empty()) replaced.push_back("range");
    if (!overrides.transfer.empty()) replaced.push_back("transfer");
    if (!overrides.primaries.empty()) replaced.push_back("primaries");
    drop_notes(enc.notes, replaced);
    return enc;
}

}  // namespace huescope
