// Reading a document: decoding check and universal newlines (spec §1.1).
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include "driver/find/harvest.hpp"
#include "driver/run/decoder.hpp"
#include "driver/util/text.hpp"

namespace bx {

namespace {

/// A decoding failure as Python reports it: the offending byte range and the reason.
struct DecodeFailure {
  std::size_t begin = 0;
  std::size_t length = 1;
  const char* reason = "";
};

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

/// Allowed range of the byte after a multi-byte lead (overlongs, surrogates and code points
/// above U+10FFFF are rejected there, like CPython's strict decoder).
std::pair<unsigned char, unsigned char> second_byte_range(unsigned char lead) {
  switch (lead) {
    case 0xE0:
      return {0xA0, 0xBF};
    case 0xED:
      return {0x80, 0x9F};
    case 0xF0:
      return {0x90, 0xBF};
    case 0xF4:
      return {0x80, 0x8F};
    default:
      return {0x80, 0xBF};
  }
}

/// The first invalid UTF-8 sequence at or after `pos`, with CPython's error ranges.
std::optional<DecodeFailure> next_utf8_failure(std::string_view bytes, std::size_t pos) {
  for (std::size_t i = pos; i < bytes.size();) {
    unsigned char lead = static_cast<unsigned char>(bytes[i]);
    std::size_t length = lead < 0x80                  ? 1
                         : in_range(lead, 0xC2, 0xDF) ? 2
                         : in_range(lead, 0xE0, 0xEF) ? 3
                         : in_range(lead, 0xF0, 0xF4) ? 4
                                                      : 0;
    if (length == 0) return DecodeFailure{i, 1, "invalid start byte"};
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= bytes.size())
        return DecodeFailure{i, bytes.size() - i, "unexpected end of data"};
      auto [low, high] =
          k == 1 ? second_byte_range(lead) : std::pair<unsigned char, unsigned char>{0x80, 0xBF};
      if (!in_range(static_cast<unsigned char>(bytes[i + k]), low, high)) {
        return DecodeFailure{i, k, "invalid continuation byte"};
      }
    }
    i += length;
  }
  return std::nullopt;
}

std::optional<DecodeFailure> next_ascii_failure(std::string_view bytes, std::size_t pos) {
  for (std::size_t i = pos; i < bytes.size(); ++i) {
    if (static_cast<unsigned char>(bytes[i]) >= 0x80) {
      return DecodeFailure{i, 1, "ordinal not in range(128)"};
    }
  }
  return std::nullopt;
}

std::string normalized_codec(std::string name) {
  for (char& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(c));
  return name;
}

bool is_ascii_codec(const std::string& name) {
  std::string codec = normalized_codec(name);
  return codec == "ascii" || codec == "us-ascii" || codec == "646";
}

bool is_utf8_codec(const std::string& name) {
  std::string codec = normalized_codec(name);
  return codec == "utf-8" || codec == "utf8" || codec == "u8" || codec == "utf" ||
         codec == "cp65001";
}

std::string failed_read_message(const std::string& filepath, const std::string& codec) {
  return "Reading the file '" + filepath + "' using the '" + codec +
         "' encoding failed due decoding errors.\n"
         "Try a different encoding with '--encoding' from the command line.\n";
}

/// Other codecs (latin-1, cp1252, ...) through iconv, to the UTF-8 the driver works in.
std::string decode_with_iconv(const std::string& filepath, const std::string& bytes,
                              const std::string& encoding) {
  try {
    Decoder decoder(encoding);
    return decoder.decode(bytes) + decoder.finish();
  } catch (const DecodeError& error) {
    throw DocumentError(failed_read_message(filepath, error.encoding()) + error.what());
  }
}

std::string python_codec_message(const std::string& codec, std::string_view bytes,
                                 const DecodeFailure& failure) {
  char where[96];
  if (failure.length == 1) {
    std::snprintf(where, sizeof(where), "byte 0x%02x in position %zu",
                  static_cast<unsigned char>(bytes[failure.begin]), failure.begin);
  } else {
    std::snprintf(where, sizeof(where), "bytes in position %zu-%zu", failure.begin,
                  failure.begin + failure.length - 1);
  }
  return "'" + codec + "' codec can't decode " + where + ": " + failure.reason;
}

/// Checks (and with the `ignore`/`replace` handlers, repairs) the encoding of `bytes`.
std::string decode(const std::string& filepath, std::string bytes, const std::string& encoding) {
  std::size_t colon = encoding.find(':');
  std::string codec_name = encoding.substr(0, colon);
  std::string handler = colon == std::string::npos ? "strict" : encoding.substr(colon + 1);
  if (!is_utf8_codec(codec_name) && !is_ascii_codec(codec_name)) {
    return decode_with_iconv(filepath, bytes, encoding);
  }
  bool ascii = is_ascii_codec(codec_name);
  auto next_failure = ascii ? next_ascii_failure : next_utf8_failure;

  std::string out;
  std::size_t pos = 0;
  while (auto failure = next_failure(bytes, pos)) {
    if (handler != "ignore" && handler != "replace") {
      throw DocumentError(failed_read_message(filepath, codec_name) +
                          python_codec_message(ascii ? "ascii" : "utf-8", bytes, *failure));
    }
    out.append(bytes, pos, failure->begin - pos);
    if (handler == "replace") out += "\xEF\xBF\xBD";  // U+FFFD
    pos = failure->begin + failure->length;
  }
  if (pos == 0) return bytes;
  out.append(bytes, pos, std::string::npos);
  return out;
}

}  // namespace

std::string read_document(const std::string& filepath, const std::string& encoding) {
  std::ifstream in(filepath, std::ios::binary);
  if (!in) {
    int error = errno;
    throw Error("[Errno " + std::to_string(error) + "] " + std::strerror(error) + ": '" + filepath +
                "'");
  }
  std::ostringstream content;
  content << in.rdbuf();
  return universal_newlines(decode(filepath, std::move(content).str(), encoding));
}

}  // namespace bx
