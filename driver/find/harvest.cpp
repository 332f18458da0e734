// Harvest: zones -> examples -> selected, sorted and de-collided (spec §1.2, §1.3, §1.6).
#include "driver/find/harvest.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>
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

/// The positions of `examples` sorted by (start asc, end desc), ties in finding order.
std::vector<std::size_t> collision_order(const std::vector<Example>& examples) {
  std::vector<std::size_t> order(examples.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Example& x = examples[a];
    const Example& y = examples[b];
    if (x.start_lineno != y.start_lineno) return x.start_lineno < y.start_lineno;
    return x.end_lineno > y.end_lineno;
  });
  return order;
}

/// Sorts by (start asc, end desc), drops the examples nested in the previous surviving one
/// and throws on the overlaps (spec §1.6). Sorted through their positions and compacted in
/// place: a file of thousands of examples never has a second array of them, and the usual
/// file, found in order, is not moved at all.
std::vector<Example> remove_collisions(const std::string& filepath, std::vector<Example> examples) {
  std::vector<std::size_t> order = collision_order(examples);
  if (!std::is_sorted(order.begin(), order.end())) {
    std::vector<Example> sorted;
    sorted.reserve(examples.size());
    for (std::size_t position : order) sorted.push_back(std::move(examples[position]));
    examples = std::move(sorted);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    Example& current = examples[i];
    if (kept > 0) {
      const Example& prev = examples[kept - 1];
      if (current.start_lineno == prev.start_lineno) throw_overlap(filepath, current, prev);
      if (current.end_lineno <= prev.end_lineno) {
        log::debug("find", "In " + filepath + ", example at " + lines_of(current) +
                               " is nested in the example at " + lines_of(prev) + ": ignoring it.");
        continue;
      }
      if (current.start_lineno <= prev.end_lineno) throw_overlap(filepath, current, prev);
    }
    if (kept != i) examples[kept] = std::move(current);
    ++kept;
  }
  examples.erase(examples.begin() + static_cast<std::ptrdiff_t>(kept), examples.end());
  return examples;
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
      std::vector<Example> batch = finder->find(zone, filepath);
      if (found.empty()) {
        found = std::move(batch);
      } else {
        found.insert(found.end(), std::make_move_iterator(batch.begin()),
                     std::make_move_iterator(batch.end()));
      }
    }
  }
  log::debug("find", "In " + filepath + ", " + std::to_string(found.size()) +
                         " examples found using the zone delimiter " + delimiter->name() + ".");
  return remove_collisions(filepath, std::move(found));
}

}  // namespace bx
