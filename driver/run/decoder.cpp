#include "driver/run/decoder.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>

#include "driver/run/utf8.hpp"

namespace bx {

namespace {

std::string normalized(std::string_view name) {
  std::string out;
  for (char c : name) out += c == '_' ? '-' : static_cast<char>(std::tolower(c));
  return out;
}

bool is_utf8_name(const std::string& name) {
  return name == "utf-8" || name == "utf8" || name == "u8" || name == "utf" || name == "cp65001";
}

/// The iconv name of a Python codec name.
std::string iconv_name(const std::string& name) {
  if (name == "ascii" || name == "us-ascii" || name == "646") return "ASCII";
  if (name == "latin-1" || name == "latin1" || name == "l1" || name == "iso-8859-1" ||
      name == "iso8859-1" || name == "8859" || name == "cp819") {
    return "ISO-8859-1";
  }
  std::string upper;
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

/// Length of the UTF-8 sequence announced by `lead`, 0 for an invalid start byte.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

/// Whether `byte` may follow `lead` as the second byte (Python's strict UTF-8 rules).
bool valid_second(unsigned char lead, unsigned char byte) {
  switch (lead) {
    case 0xE0:
      return byte >= 0xA0 && byte <= 0xBF;
    case 0xED:
      return byte >= 0x80 && byte <= 0x9F;
    case 0xF0:
      return byte >= 0x90 && byte <= 0xBF;
    case 0xF4:
      return byte >= 0x80 && byte <= 0x8F;
    default:
      return utf8::is_continuation(byte);
  }
}

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof(buffer), "0x%02x", byte);
  return buffer;
}

/// Converts `bytes` from `pos` with `cd` until the end or an error, appending the result to
/// `out` and moving `pos` past what was converted. Returns 0 when all was converted, else
/// iconv's errno (EILSEQ, EINVAL) with `pos` at the offending bytes.
int convert(iconv_t cd, std::string& bytes, std::size_t& pos, std::string& out) {
  std::string buffer((bytes.size() - pos) * 4 + 16, '\0');
  while (pos < bytes.size()) {
    char* in = bytes.data() + pos;
    std::size_t in_left = bytes.size() - pos;
    char* dest = buffer.data();
    std::size_t dest_left = buffer.size();
    std::size_t rc = iconv(cd, &in, &in_left, &dest, &dest_left);
    int error = errno;
    out.append(buffer.data(), buffer.size() - dest_left);
    pos = bytes.size() - in_left;
    if (rc != static_cast<std::size_t>(-1)) return 0;
    if (error != E2BIG) return error;
  }
  return 0;
}

}  // namespace

struct Decoder::Iconv {
  iconv_t cd = reinterpret_cast<iconv_t>(-1);
  ~Iconv() {
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }
};

bool is_supported_encoding(std::string_view encoding) {
  std::string name = normalized(encoding);
  if (is_utf8_name(name)) return true;
  iconv_t cd = iconv_open("UTF-8", iconv_name(name).c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(cd);
  return true;
}

Decoder::Decoder(std::string_view spec) {
  auto colon = spec.find(':');
  std::string name = normalized(spec.substr(0, colon));
  m_handler = colon == std::string_view::npos ? "strict" : std::string(spec.substr(colon + 1));
  m_utf8 = is_utf8_name(name);
  m_encoding = m_utf8 ? "utf-8" : name;
  if (!m_utf8) {
    m_iconv = std::make_unique<Iconv>();
    m_iconv->cd = iconv_open("UTF-8", iconv_name(name).c_str());
    m_encoder = std::make_unique<Iconv>();
    m_encoder->cd = iconv_open(iconv_name(name).c_str(), "UTF-8");
    if (m_iconv->cd == reinterpret_cast<iconv_t>(-1) ||
        m_encoder->cd == reinterpret_cast<iconv_t>(-1)) {
      throw DecodeError(m_encoding, m_handler, "unknown encoding: " + m_encoding);
    }
  }
}

std::string Decoder::encode(std::string_view text) const {
  if (m_utf8 || std::all_of(text.begin(), text.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(text);
  }
  std::string bytes(text);
  std::string out;
  std::size_t pos = 0;
  while (convert(m_encoder->cd, bytes, pos, out) == EILSEQ) {
    out += '?';
    pos += std::max<std::size_t>(sequence_length(static_cast<unsigned char>(bytes[pos])), 1);
    iconv(m_encoder->cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv(m_encoder->cd, nullptr, nullptr, nullptr, nullptr);
  return out;
}

Decoder::~Decoder() = default;

std::string Decoder::decode(std::string_view bytes) {
  return m_utf8 ? decode_utf8(bytes, false) : decode_iconv(bytes, false);
}

std::string Decoder::decode_final(std::string_view bytes) {
  return m_utf8 ? decode_utf8(bytes, true) : decode_iconv(bytes, true);
}

std::string Decoder::finish() {
  if (m_pending.empty()) return {};
  return m_utf8 ? decode_utf8({}, true) : decode_iconv({}, true);
}

void Decoder::on_error(std::string& out, std::string_view bytes, std::size_t pos,
                       std::size_t length, std::string_view reason) {
  if (m_handler == "replace") {
    out += "\xEF\xBF\xBD";
  } else if (m_handler != "ignore") {
    // Python's wording: one byte by value, several by their positions.
    std::string where = length == 1 ? "byte " + hex_byte(static_cast<unsigned char>(bytes[pos])) +
                                          " in position " + std::to_string(pos)
                                    : "bytes in position " + std::to_string(pos) + "-" +
                                          std::to_string(pos + length - 1);
    throw DecodeError(
        m_encoding, m_handler,
        "'" + m_encoding + "' codec can't decode " + where + ": " + std::string(reason));
  }
}

std::string Decoder::decode_utf8(std::string_view input, bool final) {
  std::string joined;
  std::string_view bytes = input;
  if (!m_pending.empty()) {
    joined = m_pending + std::string(input);
    bytes = joined;
    m_pending.clear();
  }
  std::string out;
  out.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t ascii_end = pos;
    while (ascii_end < bytes.size() && static_cast<unsigned char>(bytes[ascii_end]) < 0x80) {
      ++ascii_end;
    }
    out.append(bytes.substr(pos, ascii_end - pos));
    pos = ascii_end;
    if (pos == bytes.size()) break;
    auto lead = static_cast<unsigned char>(bytes[pos]);
    std::size_t length = sequence_length(lead);
    if (length == 0) {
      on_error(out, bytes, pos, 1, "invalid start byte");
      ++pos;
      continue;
    }
    std::size_t good = 1;
    while (good < length && pos + good < bytes.size()) {
      auto byte = static_cast<unsigned char>(bytes[pos + good]);
      if (good == 1 ? !valid_second(lead, byte) : !utf8::is_continuation(byte)) break;
      ++good;
    }
    if (good == length) {
      out.append(bytes.substr(pos, length));
    } else if (pos + good == bytes.size() && !final) {
      m_pending.assign(bytes.substr(pos));
    } else {
      on_error(out, bytes, pos, good,
               pos + good == bytes.size() ? "unexpected end of data" : "invalid continuation byte");
    }
    pos += good;
  }
  return out;
}

std::string Decoder::decode_iconv(std::string_view input, bool final) {
  std::string bytes = m_pending + std::string(input);
  m_pending.clear();
  std::string out;
  std::size_t pos = 0;
  while (int error = convert(m_iconv->cd, bytes, pos, out)) {
    if (error == EINVAL && !final) {
      m_pending = bytes.substr(pos);
      break;
    }
    bool ascii = m_encoding == "ascii";
    on_error(
        out, bytes, pos, 1,
        ascii ? "ordinal not in range(128)"
              : (error == EINVAL ? "incomplete multibyte sequence" : "illegal multibyte sequence"));
    iconv(m_iconv->cd, nullptr, nullptr, nullptr, nullptr);
    ++pos;
  }
  return out;
}

}  // namespace bx
