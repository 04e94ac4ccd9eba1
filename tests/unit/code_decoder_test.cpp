#include "huescope/code_decoder.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace huescope;

namespace {

ColorEncoding bt709_limited() {
    ColorEncoding enc;
    enc.matrix = Matrix::Bt709;
    enc.range = Range::Limited;
    enc.transfer = Transfer::Bt1886;
    standard_primaries("bt709", enc.primaries);
    return enc;
}

CodeImage one_pixel(PixelModel model, int bits, uint16_t a, uint16_t b, uint16_t c) {
    CodeImage img;
    img.width = img.height = img.luma_width = img.luma_height = 1;
    img.bit_depth = bits;
    img.model = model;
    img.planes = {std::vector<uint16_t>{a}, std::vector<uint16_t>{b}, std::vector<uint16_t>{c}};
    return img;
}

}  // namespace

TEST(CodeDecoder, NormalisesCodesPerRangeAndDepth) {
    EXPECT_DOUBLE_EQ(normalize_luma_code(16, 8, Range::Limited), 0.0);
    EXPECT_DOUBLE_EQ(normalize_luma_code(235, 8, Range::Limited), 1.0);
    EXPECT_DOUBLE_EQ(normalize_luma_code(64, 10, Range::Limited), 0.0);
    EXPECT_DOUBLE_EQ(normalize_luma_code(940, 10, Range::Limited), 1.0);
    EXPECT_DOUBLE_EQ(normalize_luma_code(255, 8, Range::Full), 1.0);
    EXPECT_DOUBLE_EQ(normalize_luma_code(1023, 10, Range::Full), 1.0);
    EXPECT_DOUBLE_EQ(normalize_chroma_code(128, 8, Range::Limited), 0.0);
    EXPECT_DOUBLE_EQ(normalize_chroma_code(240, 8, Range::Limited), 0.5);
    EXPECT_DOUBLE_EQ(normalize_chroma_code(16, 8, Range::Limited), -0.5);
    EXPECT_DOUBLE_EQ(normalize_chroma_code(512, 10, Range::Full), 0.0);
}

TEST(CodeDecoder, Bt709LimitedBlueDecodesToLinearBlue) {
    // sRGB blue in BT.709 limited range, 8 bit: Y' = 16 + 219 * 0.0722, Cb = 240,
    // Cr = 128 - 224 * 0.0722 / 1.5748, rounded as an encoder does: (32, 240, 118).
    Result<CodeDecoder> decoder = CodeDecoder::create(bt709_limited());
    ASSERT_TRUE(decoder);
    LinearImage out;
    decoder->decode(one_pixel(PixelModel::YCbCr, 8, 32, 240, 118), out);
    EXPECT_NEAR(out.rgb[0], 0.0, 0.01);
    EXPECT_NEAR(out.rgb[1], 0.0, 0.01);
    EXPECT_NEAR(out.rgb[2], 1.0, 0.01);
}

TEST(CodeDecoder, WrongMatrixGivesAnotherColour) {
    ColorEncoding wrong = bt709_limited();
    wrong.matrix = Matrix::Bt601;
    Result<CodeDecoder> decoder = CodeDecoder::create(wrong);
    ASSERT_TRUE(decoder);
    LinearImage out;
    decoder->decode(one_pixel(PixelModel::YCbCr, 8, 32, 240, 118), out);
    // BT.601 maths: B' = Y' + 1.772 Cb = 0.959 instead of 1, so linear blue drops to about 0.90.
    EXPECT_LT(out.rgb[2], 0.95);
}

TEST(CodeDecoder, RgbAndGrayModels) {
    ColorEncoding enc = bt709_limited();
    enc.range = Range::Full;
    enc.transfer = Transfer::Srgb;
    Result<CodeDecoder> decoder = CodeDecoder::create(enc);
    ASSERT_TRUE(decoder);
    LinearImage out;
    decoder->decode(one_pixel(PixelModel::Rgb, 8, 255, 128, 0), out);
    EXPECT_NEAR(out.rgb[0], 1.0, 1e-6);
    EXPECT_NEAR(out.rgb[1], std::pow((128 / 255.0 + 0.055) / 1.055, 2.4), 1e-6);
    EXPECT_NEAR(out.rgb[2], 0.0, 1e-6);
    decoder->decode(one_pixel(PixelModel::Gray, 8, 128, 0, 0), out);
    EXPECT_FLOAT_EQ(out.rgb[0], out.rgb[1]);
    EXPECT_FLOAT_EQ(out.rgb[1], out.rgb[2]);
}

TEST(CodeDecoder, WidePrimariesAreConvertedToTheWorkingSpace) {
    ColorEncoding enc = bt709_limited();
    enc.matrix = Matrix::Identity;
    enc.range = Range::Full;
    enc.transfer = Transfer::Linear;
    standard_primaries("bt2020", enc.primaries);
    Result<CodeDecoder> decoder = CodeDecoder::create(enc);
    ASSERT_TRUE(decoder);
    LinearImage out;
    decoder->decode(one_pixel(PixelModel::Rgb, 8, 255, 0, 0), out);
    EXPECT_NEAR(out.rgb[0], 1.6605, 2e-4);  // BT.2020 red is outside BT.709: negative G and B
    EXPECT_LT(out.rgb[1], 0.0);
}

TEST(CodeDecoder, TableMatchesTheTransferFunctions) {
    for (Transfer transfer : {Transfer::Bt1886, Transfer::Srgb, Transfer::Gamma22,
                              Transfer::Gamma28, Transfer::Pq, Transfer::Hlg}) {
        ColorEncoding enc = bt709_limited();
        enc.transfer = transfer;
        Result<CodeDecoder> decoder = CodeDecoder::create(enc);
        ASSERT_TRUE(decoder);
        const double full_scale = eotf(transfer, 1.0);
        for (double v = 0.0; v <= 1.0; v += 0.0013) {
            LinearImage out;
            // A grey (equal components) passes through the BT.709 working space unchanged, and the
            // HLG OOTF scales a grey by Y^0.2.
            decoder->decode_float({float(v), float(v), float(v)}, 1, 1, out);
            double want = eotf(transfer, float(v));
            if (transfer == Transfer::Hlg)
                want = hlg_ootf({want, want, want}, {0.2126, 0.7152, 0.0722})[0];
            const double scale = transfer == Transfer::Hlg
                                     ? hlg_ootf({1, 1, 1}, {0.2126, 0.7152, 0.0722})[0]
                                     : full_scale;
            EXPECT_NEAR(out.rgb[0], want, 2e-7 * scale + 2e-7 * want)
                << transfer_name(transfer) << " " << v;
        }
    }
}

TEST(CodeDecoder, PqReferenceWhiteIsOne) {
    ColorEncoding enc = bt709_limited();
    enc.matrix = Matrix::Bt2020Ncl;
    enc.transfer = Transfer::Pq;
    standard_primaries("bt2020", enc.primaries);
    Result<CodeDecoder> decoder = CodeDecoder::create(enc);
    ASSERT_TRUE(decoder);
    LinearImage out;
    // 203 cd/m2 grey: PQ 0.580689, 10-bit limited luma 64 + 876 x 0.580689 = 572.68, neutral
    // chroma.
    decoder->decode(one_pixel(PixelModel::YCbCr, 10, 573, 512, 512), out);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(out.rgb[c], 1.0, 0.005);
}
