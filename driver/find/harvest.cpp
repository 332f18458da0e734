// Harvest: zones -> examples -> selected, sorted and de-collided (spec §1.2, §1.3, §1.6).
#include "driver/find/harvest.hpp"

#include <algorithm>
#include <string>

#include "driver/model/errors.hpp"
#include "driver/util/log.hpp"

namespace bx {

namespace {

/// The delimiter registered for the file's extension, else the `no-delimiter` one. A later
/// registration for the same target wins, as in the reference's registry.
const ZoneDelimiter* delimiter_for(const std::string& filepath,
                                   const std::vector<std::unique_ptr<ZoneDelimiter>>& delimiters) {
  std::string extension = file_extension(filepath);
  const ZoneDelimiter* by_extension = nullptr;
  const ZoneDelimiter* fallback = nullptr;
  for (const auto& delimiter : delimiters) {
    for (const std::string& target : delimiter->targets()) {
      if (!extension.empty() && target == extension) by_extension = delimiter.get();
      if (target == "no-delimiter") fallback = delimiter.get();
    }
  }
  return by_extension != nullptr ? by_extension : fallback;
}

std::string lines_of(const Example& example) {
  return "lines " + std::to_string(example.start_lineno) + "-" +
         std::to_string(example.end_lineno) + " (found by " + example.finder + ")";
}

[[noreturn]] void throw_overlap(const std::string& filepath, const Example& current,
                                const Example& prev) {
  throw Error("In " + filepath + ", examples at " + lines_of(current) + " and at " +
              lines_of(prev) + " overlap each other.");
}

/// Sorts by (start asc, end desc), drops the examples nested in the previous surviving one
/// and throws on the overlaps (spec §1.6).
std::vector<Example> remove_collisions(const std::string& filepath, std::vector<Example> examples) {
  std::stable_sort(examples.begin(), examples.end(), [](const Example& a, const Example& b) {
    if (a.start_lineno != b.start_lineno) return a.start_lineno < b.start_lineno;
    return a.end_lineno > b.end_lineno;
  });
  std::vector<Example> kept;
  for (Example& current : examples) {
    if (!kept.empty()) {
      const Example& prev = kept.back();
      if (current.start_lineno == prev.start_lineno) throw_overlap(filepath, current, prev);
      if (current.end_lineno <= prev.end_lineno) {
        log::debug("find", "In " + filepath + ", example at " + lines_of(current) +
                               " is nested in the example at " + lines_of(prev) + ": ignoring it.");
        continue;
      }
      if (current.start_lineno <= prev.end_lineno) throw_overlap(filepath, current, prev);
    }
    kept.push_back(std::move(current));
  }
  return kept;
}

}  // namespace

std::vector<Example> harvest(const std::string& filepath, std::string_view text,
                             const HarvestSources& sources,
                             const std::set<std::string>& languages) {
  const ZoneDelimiter* delimiter = delimiter_for(filepath, *sources.delimiters);
  if (delimiter == nullptr) return {};
  std::vector<Example> found;
  for (const Zone& zone : delimiter->zones(text, filepath)) {
    for (const auto& finder : *sources.finders) {
      // Skipping the finder is the reference's "drop the example before processing it":
      // a finder of an unselected language never raises prompt errors.
      if (!languages.count(finder->language())) continue;
      for (Example& example : finder->find(zone, filepath)) found.push_back(std::move(example));
    }
  }
  log::debug("find", "In " + filepath + ", " + std::to_string(found.size()) +
                         " examples found using the zone delimiter " + delimiter->name() + ".");
  return remove_collisions(filepath, std::move(found));
}

}  // namespace bx
