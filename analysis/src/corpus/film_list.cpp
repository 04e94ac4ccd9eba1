// read_film_list and file_sha256 (huescope/corpus.hpp).
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "huescope/corpus.hpp"

namespace huescope {
namespace fs = std::filesystem;
namespace {

bool is_video_name(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const char* const kVideo[] = {".mp4",  ".mov", ".mkv", ".mxf",  ".avi", ".webm",
                                         ".m4v",  ".ts",  ".mts", ".m2ts", ".y4m", ".mpg",
                                         ".mpeg", ".wmv", ".flv", ".ogv"};
    return std::any_of(std::begin(kVideo), std::end(kVideo),
                       [&](const char* v) { return ext == v; });
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

Result<std::vector<CorpusFilm>> read_film_list(const std::string& list_or_folder) {
    std::error_code ec;
    std::vector<CorpusFilm> films;
    if (fs::is_directory(list_or_folder, ec)) {
        for (const auto& entry : fs::directory_iterator(list_or_folder, ec)) {
            std::error_code entry_ec;  // a dangling link is not a film, nor a failed listing
            if (entry.is_regular_file(entry_ec) && is_video_name(entry.path()))
                films.push_back({entry.path().string(), {}});
        }
        if (ec) return Status(ErrorCode::NoInput, "cannot list '" + list_or_folder + "'");
        std::sort(films.begin(), films.end(),
                  [](const CorpusFilm& a, const CorpusFilm& b) { return a.input < b.input; });
    } else {
        std::ifstream in(list_or_folder);
        if (!in) return Status(ErrorCode::NoInput, "cannot read the list '" + list_or_folder + "'");
        const fs::path base = fs::path(list_or_folder).parent_path();
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (trim(line).empty() || trim(line)[0] == '#') continue;
            std::vector<std::string> fields;
            std::size_t start = 0;
            for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos;
                 start = tab + 1) {
                fields.push_back(line.substr(start, tab - start));
            }
            fields.push_back(line.substr(start));
            CorpusFilm film;
            const fs::path path(trim(fields[0]));
            film.input = (path.is_absolute() ? path : base / path).lexically_normal().string();
            for (std::size_t i = 1; i < fields.size(); ++i) {
                const std::string tag = trim(fields[i]);
                const std::size_t eq = tag.find('=');
                if (tag.empty()) continue;
                if (eq == std::string::npos || eq == 0) {
                    return Status(ErrorCode::InvalidArgument,
                                  list_or_folder + ":" + std::to_string(number) + ": the tag '" +
                                      tag + "' is not key=value");
                }
                film.tags[tag.substr(0, eq)] = tag.substr(eq + 1);
            }
            films.push_back(std::move(film));
        }
    }
    if (films.empty()) {
        return Status(ErrorCode::NoInput, "'" + list_or_folder + "' names no film");
    }
    return films;
}

Result<std::string> file_sha256(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                         &std::fclose);
    if (!file) return Status(ErrorCode::NoInput, "cannot read '" + path + "'");
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        return Status(ErrorCode::Internal, "SHA-256 is not available");
    }
    std::vector<unsigned char> buffer(1 << 20);
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
        EVP_DigestUpdate(ctx.get(), buffer.data(), got);
    }
    if (std::ferror(file.get())) return Status(ErrorCode::Io, "reading '" + path + "' failed");
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), digest.data(), &size);
    static const char* const kHex = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 15];
    }
    return hex;
}

}  // namespace huescope
