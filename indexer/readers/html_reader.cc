// Reads HTML with gumbo: metadata from <head>, text from the main content.
#include "indexer/readers/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "indexer/readers/danish_dates.h"
#include "indexer/readers/publishers.h"
#include "indexer/readers/text_lines.h"
#include "schema/errors.h"

namespace opslag {
namespace {

/// Gumbo's options with its errors capped: each error it records keeps a copy of the stack of
/// open elements, so unclosed HTML cost memory with the square of its size (120 KB of unclosed
/// <b><i> took 3.2 GB). We never read the errors.
GumboOptions parse_options() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  return options;
}

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboDeleter>;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
}

bool is_element(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

/// Visits `root` and the nodes under it in document order. `enter(node)` says whether to go
/// into an element's children; `leave(node)` runs after them. A loop with a stack, not
/// recursion: a page may nest elements deeper than the call stack allows.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, Enter enter, Leave leave) {
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};  // node, children done
  while (!stack.empty()) {
    const auto [node, left] = stack.back();
    stack.pop_back();
    if (left) {
      leave(node);
      continue;
    }
    if (!enter(node) || node->type != GUMBO_NODE_ELEMENT) continue;
    stack.emplace_back(node, true);
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;)
      stack.emplace_back(static_cast<const GumboNode*>(children.data[i]), false);
  }
}

/// The first element under `root` (or `root`) for which `match` holds, in document order, not
/// looking inside elements for which `skip` holds; or null.
template <typename Match, typename Skip>
const GumboNode* find_element(const GumboNode* root, Match match, Skip skip) {
  const GumboNode* found = nullptr;
  walk(
      root,
      [&](const GumboNode* node) {
        if (found || node->type != GUMBO_NODE_ELEMENT) return false;
        if (match(node)) found = node;
        return !found && !skip(node);
      },
      [](const GumboNode*) {});
  return found;
}

/// Elements whose text is page chrome, not content.
bool is_skipped(const GumboNode* node) {
  static constexpr std::array kSkipped = {GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,  GUMBO_TAG_NAV,
                                          GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE,
                                          GUMBO_TAG_NOSCRIPT, GUMBO_TAG_FORM,   GUMBO_TAG_BUTTON,
                                          GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,    GUMBO_TAG_HEAD};
  const GumboTag tag = node->v.element.tag;
  if (std::find(kSkipped.begin(), kSkipped.end(), tag) != kSkipped.end()) return true;
  const std::string marks = lower(attribute(node, "class") + " " + attribute(node, "id"));
  return marks.find("cookie") != std::string::npos;
}

bool is_block(GumboTag tag) {
  static constexpr std::array kBlocks = {
      GUMBO_TAG_P,          GUMBO_TAG_DIV,     GUMBO_TAG_H1,    GUMBO_TAG_H2, GUMBO_TAG_H3,
      GUMBO_TAG_H4,         GUMBO_TAG_H5,      GUMBO_TAG_H6,    GUMBO_TAG_LI, GUMBO_TAG_TR,
      GUMBO_TAG_BR,         GUMBO_TAG_SECTION, GUMBO_TAG_TABLE, GUMBO_TAG_UL, GUMBO_TAG_OL,
      GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,     GUMBO_TAG_DD,    GUMBO_TAG_DT, GUMBO_TAG_FIGCAPTION,
      GUMBO_TAG_ARTICLE,    GUMBO_TAG_MAIN};
  return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

/// Collects the text of a subtree; blocks become paragraphs, runs of white space one space.
class TextCollector {
 public:
  explicit TextCollector(const GumboNode* skip) : skip_(skip) {}

  void collect(const GumboNode* root) {
    walk(
        root,
        [&](const GumboNode* node) {
          if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
              node->type == GUMBO_NODE_WHITESPACE) {
            add_text(node->v.text.text);
            return false;
          }
          if (node->type != GUMBO_NODE_ELEMENT || node == skip_ || is_skipped(node)) return false;
          if (is_block(node->v.element.tag)) end_paragraph();
          return true;
        },
        [&](const GumboNode* node) {
          const GumboTag tag = node->v.element.tag;
          if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) add_text(" ");
          if (is_block(tag)) end_paragraph();
        });
  }

  std::string take() {
    end_paragraph();
    return body_.take();
  }

 private:
  void add_text(std::string_view text) {
    for (char c : text) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        if (!line_.empty() && line_.back() != ' ') line_ += ' ';
      } else {
        line_ += c;
      }
    }
  }
  void end_paragraph() {
    if (!trim(line_).empty()) {
      body_.add_line(line_);
      body_.add_line("");
    }
    line_.clear();
  }

  const GumboNode* skip_;
  BodyBuilder body_;
  std::string line_;
};

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  return find_element(
      root, [&](const GumboNode* node) { return node->v.element.tag == tag; },
      [&](const GumboNode* node) {
        return is_skipped(node) && tag != GUMBO_TAG_TITLE && tag != GUMBO_TAG_HEAD;
      });
}

std::string text_of(const GumboNode* node) {
  TextCollector collector(nullptr);
  collector.collect(node);
  const std::string text = collector.take();
  std::string out;  // on one line, each run of spaces one space
  for (char c : text) {
    const bool space = c == '\n' || c == ' ' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return std::string(trim(out));
}

/// Every element with `tag` under `node`, in document order, skipped parts included.
void find_all(const GumboNode* root, GumboTag tag, std::vector<const GumboNode*>& found) {
  walk(
      root,
      [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return false;
        if (node->v.element.tag == tag) found.push_back(node);
        return true;
      },
      [](const GumboNode*) {});
}

/// The first element under `node` whose class names `name` ("date" in class="date"), or null.
const GumboNode* find_class(const GumboNode* root, std::string_view name) {
  const std::string word = " " + std::string(name) + " ";
  return find_element(
      root,
      [&](const GumboNode* node) {
        return (" " + attribute(node, "class") + " ").find(word) != std::string::npos;
      },
      [](const GumboNode*) { return false; });
}

/// Reads <meta> and <link rel=canonical> in the head into `doc`, first match of each winning.
void read_head(const GumboNode* head, StoredDocument& doc) {
  static const std::array<std::string_view, 8> kDate = {
      "dcterms.date",   "dc.date",         "date",    "article:published_time",
      "dcterms.issued", "dcterms.created", "pubdate", "publication_date"};
  static const std::array<std::string_view, 6> kSource = {
      "dcterms.publisher", "dc.publisher", "publisher", "author", "og:site_name", "dc.creator"};
  static const std::array<std::string_view, 3> kType = {"dcterms.type", "dc.type", "type"};
  std::size_t date_rank = kDate.size(), source_rank = kSource.size(), type_rank = kType.size();
  const GumboVector& children = head->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(children.data[i]);
    if (is_element(node, GUMBO_TAG_LINK) && lower(attribute(node, "rel")) == "canonical")
      doc.url = attribute(node, "href");
    if (!is_element(node, GUMBO_TAG_META)) continue;
    std::string key = lower(attribute(node, "name"));
    if (key.empty()) key = lower(attribute(node, "property"));
    const std::string content(trim(attribute(node, "content")));
    if (content.empty()) continue;
    if (key == "og:url" && doc.url.empty()) doc.url = content;
    const auto rank = [&](const auto& keys) {
      return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
    };
    if (const auto r = rank(kDate); r < date_rank) {
      if (const auto date = parse_danish_date(content)) {
        doc.date = *date;
        date_rank = r;
      }
    }
    if (const auto r = rank(kSource); r < source_rank) {
      doc.source = content;
      source_rank = r;
    }
    if (const auto r = rank(kType); r < type_rank) {
      doc.type = document_type(content).value_or(lower(content));
      type_rank = r;
    }
  }
}

/// The host of an http(s) URL without "www.", or "".
std::string host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/:?#"));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return std::string(url);
}

/// Elements that stand no deeper than their start tag: void, or closed by the next of their kind.
bool opens_no_level(std::string_view name) {
  static const std::array<std::string_view, 24> kNames = {
      "area", "base", "br",    "col",    "embed", "hr",     "img",  "input",
      "link", "meta", "param", "source", "track", "wbr",    "p",    "li",
      "td",   "th",   "tr",    "dt",     "dd",    "option", "html", "body"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::size_t html_nesting(std::string_view html) {
  std::size_t depth = 0, deepest = 0;
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at)) {
    if (html.substr(at, 4) == "<!--") {
      at = html.find("-->", at + 4);
      if (at == std::string_view::npos) break;
      continue;
    }
    const bool closing = at + 1 < html.size() && html[at + 1] == '/';
    std::size_t begin = at + 1 + closing, end = begin;
    while (end < html.size() &&
           (is_ascii_letter(html[end]) ||
            (end > begin && std::isdigit(static_cast<unsigned char>(html[end])))))
      ++end;
    const std::size_t close = html.find('>', end);
    at = end;
    if (end == begin || close == std::string_view::npos) continue;
    const std::string name = lower(html.substr(begin, end - begin));
    at = close + 1;
    if (!closing && (name == "script" || name == "style")) {
      const std::size_t past = html.find("</", at);  // raw text up to its end tag
      if (past == std::string_view::npos) break;
      at = past;
      continue;
    }
    if (opens_no_level(name) || html[close - 1] == '/') continue;
    if (closing) {
      depth -= depth > 0;
    } else {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

StoredDocument read_html(std::string_view html) {
  if (const std::size_t depth = html_nesting(html); depth > kMaxHtmlNesting)
    throw BadInput("HTML nested " + std::to_string(depth) + " elements deep (at most " +
                   std::to_string(kMaxHtmlNesting) + "; unclosed tags?): not read");
  StoredDocument doc;
  const GumboOptions options = parse_options();
  const GumboTree tree(gumbo_parse_with_options(&options, html.data(), html.size()));
  const GumboNode* root = tree->root;
  if (const GumboNode* head = find_first(root, GUMBO_TAG_HEAD)) read_head(head, doc);

  const GumboNode* content = find_first(root, GUMBO_TAG_MAIN);
  if (!content) content = find_first(root, GUMBO_TAG_ARTICLE);
  if (!content) content = find_first(root, GUMBO_TAG_BODY);
  std::string page_title;
  if (const GumboNode* title = find_first(root, GUMBO_TAG_TITLE)) {
    const std::string full = text_of(title);
    page_title = std::string(trim(full.substr(0, full.find(" | "))));
  }
  // A headline that repeats the page's <title> is the title, wherever it stands (pandoc puts
  // it in a <header>); else the first headline of the content; else the <title>.
  std::vector<const GumboNode*> headlines;
  find_all(root, GUMBO_TAG_H1, headlines);
  const GumboNode* h1 = nullptr;
  for (const GumboNode* h : headlines)
    if (!page_title.empty() && text_of(h) == page_title) h1 = h;
  if (!h1 && content) h1 = find_first(content, GUMBO_TAG_H1);
  if (h1) doc.title = text_of(h1);
  if (doc.title.empty()) {
    doc.title = page_title;
    h1 = nullptr;
  }
  if (doc.date.empty()) {  // <p class="date">December 2019</p>
    if (const GumboNode* date = find_class(root, "date"))
      doc.date = parse_danish_date(lower(text_of(date))).value_or("");
  }
  if (doc.source.empty()) {  // <p class="author">Digitaliseringsstyrelsen</p>
    if (const GumboNode* author = find_class(root, "author")) doc.source = text_of(author);
  }
  if (content) {
    TextCollector collector(h1);
    collector.collect(content);
    doc.body = collector.take();
  }
  if (doc.source.empty()) doc.source = most_mentioned_publisher(doc.body).value_or("");
  if (doc.source.empty()) doc.source = host_of(doc.url);
  if (doc.type.empty()) doc.type = "side";
  return doc;
}

}  // namespace opslag
