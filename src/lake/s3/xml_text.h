// Just enough XML reading for S3's answers (ListObjectsV2, errors, uploads).
//
// S3 answers are flat, machine-written documents without attributes on the
// elements we read, CDATA or comments, so elements are found by their tags.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cinelake::s3 {

// The raw inner text of every <tag>...</tag> (also <tag/> as ""), in order.
std::vector<std::string_view> XmlElements(std::string_view xml, std::string_view tag);
// The first element's text with entities decoded, or "".
std::string XmlText(std::string_view xml, std::string_view tag);
// &amp; &lt; &gt; &quot; &apos; and numeric references decoded (UTF-8).
std::string XmlDecode(std::string_view text);
// The reverse, for the values we put into request bodies.
std::string XmlEscape(std::string_view text);

}  // namespace cinelake::s3
