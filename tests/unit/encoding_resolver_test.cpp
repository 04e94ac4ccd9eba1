#include "huescope/encoding_resolver.hpp"

#include <gtest/gtest.h>

using namespace huescope;

namespace {

RawColorTags tags(const char* matrix, const char* range, const char* transfer,
                  const char* primaries) {
    return RawColorTags{matrix, range, transfer, primaries};
}

StreamShape video(int height, double fps = 24.0) {
    StreamShape s;
    s.width = height * 16 / 9;
    s.height = height;
    s.frame_rate = fps;
    return s;
}

}  // namespace

TEST(EncodingResolver, TaggedStreamUsesItsTags) {
    Result<ColorEncoding> enc =
        resolve_encoding(tags("bt709", "tv", "bt709", "bt709"), video(1080), {});
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->matrix, Matrix::Bt709);
    EXPECT_EQ(enc->matrix_from, Provenance::Tag);
    EXPECT_EQ(enc->range, Range::Limited);
    EXPECT_EQ(enc->transfer, Transfer::Bt1886);
    EXPECT_EQ(enc->primaries.name, "bt709");
    EXPECT_TRUE(enc->notes.empty());
}

TEST(EncodingResolver, UntaggedHdAssumesBt709AndSaysSo) {
    Result<ColorEncoding> enc = resolve_encoding(RawColorTags{}, video(1080), {});
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->matrix, Matrix::Bt709);
    EXPECT_EQ(enc->matrix_from, Provenance::Assumed);
    EXPECT_EQ(enc->range, Range::Limited);
    EXPECT_EQ(enc->primaries.name, "bt709");
    EXPECT_EQ(enc->notes.size(), 4u);
}

TEST(EncodingResolver, UntaggedSdFollowsTheTelevisionSystem) {
    Result<ColorEncoding> pal = resolve_encoding(RawColorTags{}, video(576, 25), {});
    ASSERT_TRUE(pal);
    EXPECT_EQ(pal->matrix, Matrix::Bt601);
    EXPECT_EQ(pal->primaries.name, "bt601-625");
    Result<ColorEncoding> ntsc = resolve_encoding(RawColorTags{}, video(480, 29.97), {});
    ASSERT_TRUE(ntsc);
    EXPECT_EQ(ntsc->primaries.name, "bt601-525");
}

TEST(EncodingResolver, PixelFormatDecidesWhatItDefines) {
    StreamShape jpeg = video(720);
    jpeg.full_range_pixel_format = true;
    Result<ColorEncoding> enc = resolve_encoding(RawColorTags{}, jpeg, {});
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->range, Range::Full);
    EXPECT_EQ(enc->range_from, Provenance::Inherent);

    StreamShape rgb = video(720);
    rgb.rgb = true;
    enc = resolve_encoding(RawColorTags{}, rgb, {});
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->matrix, Matrix::Identity);
    EXPECT_EQ(enc->transfer, Transfer::Srgb);
    EXPECT_EQ(enc->range, Range::Full);
}

TEST(EncodingResolver, PrimariesTagExplainsAMissingMatrix) {
    Result<ColorEncoding> enc =
        resolve_encoding(tags("unknown", "tv", "bt2020-10", "bt2020"), video(2160), {});
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->matrix, Matrix::Bt2020Ncl);
    EXPECT_EQ(enc->matrix_from, Provenance::Assumed);
}

TEST(EncodingResolver, UserOverridesWinAndReplaceAssumptions) {
    ColorOverrides o;
    o.matrix = "bt601";
    o.primaries = "bt601-625";
    Result<ColorEncoding> enc = resolve_encoding(RawColorTags{}, video(1080), o);
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->matrix, Matrix::Bt601);
    EXPECT_EQ(enc->matrix_from, Provenance::User);
    EXPECT_EQ(enc->primaries.name, "bt601-625");
    EXPECT_EQ(enc->notes.size(), 2u);  // range and transfer are still assumed
}

TEST(EncodingResolver, UnsupportedTagsAreRefusedUnlessOverridden) {
    Result<ColorEncoding> enc =
        resolve_encoding(tags("ycgco", "tv", "bt709", "bt709"), video(1080), {});
    ASSERT_FALSE(enc);
    EXPECT_EQ(enc.status().code(), ErrorCode::Unsupported);
    ColorOverrides o;
    o.matrix = "bt709";
    EXPECT_TRUE(resolve_encoding(tags("ycgco", "tv", "bt709", "bt709"), video(1080), o));
    o.matrix = "nonsense";
    enc = resolve_encoding(RawColorTags{}, video(1080), o);
    ASSERT_FALSE(enc);
    EXPECT_EQ(enc.status().code(), ErrorCode::InvalidArgument);
}

TEST(EncodingResolver, InputColorspaceReplacesTransferAndPrimaries) {
    ColorOverrides o;
    o.input_colorspace = "rec2020-pq";
    // Untagged HD: the matrix would be assumed BT.709, but the colour space's own is BT.2020.
    Result<ColorEncoding> enc = resolve_encoding(RawColorTags{}, video(2160), o);
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->transfer, Transfer::Pq);
    EXPECT_EQ(enc->transfer_from, Provenance::User);
    EXPECT_EQ(enc->primaries.name, "bt2020");
    EXPECT_EQ(enc->matrix, Matrix::Bt2020Ncl);
    EXPECT_EQ(enc->input_colorspace, "rec2020-pq");
    // A tagged matrix is kept.
    enc = resolve_encoding(tags("bt709", "tv", "unknown", "unknown"), video(2160), o);
    ASSERT_TRUE(enc);
    EXPECT_EQ(enc->matrix, Matrix::Bt709);

    o.input_colorspace = "arri-logc3-awg";
    enc = resolve_encoding(tags("bt709", "tv", "log100", "unknown"), video(1080), o);
    ASSERT_TRUE(enc) << "an unsupported transfer tag is overridden";
    EXPECT_EQ(enc->transfer, Transfer::Ocio);
    EXPECT_EQ(enc->primaries.name, "aces-ap0");

    o.input_colorspace = "nonsense";
    EXPECT_EQ(resolve_encoding(RawColorTags{}, video(1080), o).status().code(),
              ErrorCode::InvalidArgument);
    o.input_colorspace.clear();
    o.ocio_config = "/some/config.ocio";
    EXPECT_EQ(resolve_encoding(RawColorTags{}, video(1080), o).status().code(),
              ErrorCode::InvalidArgument);
}
