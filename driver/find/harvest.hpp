// Harvest: file text -> zones -> examples, filtered, sorted and de-collided (spec §1).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "driver/find/example_finder.hpp"
#include "driver/find/zone_delimiter.hpp"
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

/// Reads a document: strict UTF-8 decoding check, "\r\n" and lone "\r" -> "\n" (§1.1).
/// Throws bx::Error with the §1.1 message on a decoding failure or an unreadable file.
std::string read_document(const std::string& filepath, const std::string& encoding);

}  // namespace bx
