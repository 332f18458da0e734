// Reading a document: decoding check and universal newlines (spec §1.1).
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "driver/find/harvest.hpp"
#include "driver/run/decoder.hpp"
#include "driver/util/text.hpp"

namespace bx {

namespace {

/// The document in UTF-8, the driver's own encoding (§1.1): decoded with the codec and the
/// error handler given by --encoding, failing as Python does.
std::string decode(const std::string& filepath, const std::string& bytes,
                   const std::string& encoding) {
  try {
    Decoder decoder(encoding);
    return decoder.decode_final(bytes);
  } catch (const DecodeError& error) {
    throw DocumentError("Reading the file '" + filepath + "' using the '" +
                        encoding.substr(0, encoding.find(':')) +
                        "' encoding failed due decoding errors.\n"
                        "Try a different encoding with '--encoding' from the command line.\n" +
                        error.what());
  }
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
