// Harvest: file text -> zones -> examples, filtered, sorted and de-collided (spec §1).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "driver/find/example_finder.hpp"
#include "driver/find/zone_delimiter.hpp"
#include "driver/model/errors.hpp"
#include "driver/model/example.hpp"

namespace bx {

struct HarvestSources {
  const std::vector<std::unique_ptr<ZoneDelimiter>>* delimiters = nullptr;
  const std::vector<std::unique_ptr<ExampleFinder>>* finders = nullptr;
};

/// Reads nothing from disk: `text` is the file content with newlines already universal
/// (see read_document). Keeps only the examples whose language is in `languages`; sorts by
/// (start asc, end desc); drops nested examples; throws bx::Error on overlaps (§1.6).
std::vector<Example> harvest(const std::string& filepath, std::string_view text,
                             const HarvestSources& sources, const std::set<std::string>& languages);

/// A file that cannot be decoded. Its message is complete (spec §1.1: it is reported
/// as `[!] <message>`, without the "Something went wrong" header).
class DocumentError : public Error {
 public:
  using Error::Error;
};

/// Reads a document: strict UTF-8 decoding check, "\r\n" and lone "\r" -> "\n" (§1.1).
/// `encoding` is `<codec>[:<handler>]` (handler strict, ignore or replace; v11). Only UTF-8
/// and ASCII are really decoded; any other codec is checked as UTF-8.
/// Throws DocumentError with the §1.1 message on a decoding failure, and bx::Error with
/// Python's `[Errno <n>] <reason>: '<path>'` when the file cannot be read.
std::string read_document(const std::string& filepath, const std::string& encoding);

}  // namespace bx
