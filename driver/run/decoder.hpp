// Incremental decoding of the interpreter's output (spec §4.2 item 4): the bytes read from
// the pty become UTF-8 text; sequences split between reads wait for the next read.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bx {

/// The output could not be decoded with the `strict` handler (a crash of the example, §5.2).
class DecodeError : public std::runtime_error {
 public:
  DecodeError(std::string encoding, std::string handler, const std::string& codec_message)
      : std::runtime_error(codec_message),
        m_encoding(std::move(encoding)),
        m_handler(std::move(handler)) {}
  const std::string& encoding() const { return m_encoding; }
  const std::string& handler() const { return m_handler; }

 private:
  std::string m_encoding;
  std::string m_handler;
};

/// Whether `encoding` (a Python codec name like "utf-8", "ascii", "latin-1") is supported.
bool is_supported_encoding(std::string_view encoding);

class Decoder {
 public:
  /// `spec` is "<encoding>[:<strict|ignore|replace>]" as written after --encoding.
  explicit Decoder(std::string_view spec = "utf-8");
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  /// Decodes the next bytes of the stream. Throws DecodeError under `strict`.
  std::string decode(std::string_view bytes);
  /// Ends the stream: an incomplete sequence left is an error (handled by the handler).
  std::string finish();
  /// Decodes the last bytes of the stream (a whole document): decode() then finish(), with
  /// error positions counted from the start of `bytes`.
  std::string decode_final(std::string_view bytes);
  /// The UTF-8 `text` in this encoding, for writing to the interpreter. A character the
  /// encoding cannot represent becomes '?', as Python's `replace` encoder does.
  std::string encode(std::string_view text) const;
  /// Forgets any incomplete sequence.
  void reset() { m_pending.clear(); }

  const std::string& encoding() const { return m_encoding; }
  const std::string& handler() const { return m_handler; }

 private:
  std::string decode_utf8(std::string_view bytes, bool final);
  std::string decode_iconv(std::string_view bytes, bool final);
  /// Applies the error handler to the `length` invalid bytes at `pos`.
  void on_error(std::string& out, std::string_view bytes, std::size_t pos, std::size_t length,
                std::string_view reason);

  std::string m_encoding;  ///< as displayed in messages, e.g. "utf-8"
  std::string m_handler;
  bool m_utf8 = true;
  std::string m_pending;  ///< bytes of an incomplete sequence from the previous read
  struct Iconv;
  std::unique_ptr<Iconv> m_iconv;
  std::unique_ptr<Iconv> m_encoder;
};

}  // namespace bx
