#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The encodings a user can pick, and text <-> bytes in one of them.
// Qt 6.4 on Debian backs QStringEncoder/QStringDecoder(name) with ICU, so no Core5Compat is needed; the list is
// probed at first use so that a Qt without ICU (or a Windows build) offers only what really works.
namespace Codecs {

// Canonical names ("UTF-8", "GBK", ...) of the encodings that work on this Qt, in menu order.
const QList<QByteArray> &available();
// Case-insensitive ("gbk" is GBK).
bool isAvailable(const QByteArray &name);
QByteArray defaultEncoding(); // "UTF-8"

// The encoding a new tab offers first: what the system's own programs speak. On Windows that is the ANSI code page
// (936 on Chinese Windows, where the classic tools and most device software speak GBK); elsewhere UTF-8.
QByteArray systemDefault();
// The encoding for a Windows code page: 936 GBK, 54936 GB18030, 950 Big5, 932 Shift_JIS, 949 EUC-KR, 1252
// Windows-1252, 65001 UTF-8...; UTF-8 for any other, or one this Qt cannot use.
QByteArray forCodePage(unsigned codePage);

// True for encodings where bytes 0x00..0x7F are ASCII (so a 0x0A byte is a line feed); false for UTF-16.
bool isAsciiCompatible(const QByteArray &name);

struct EncodeResult
{
    QByteArray bytes; // empty when !ok(), so that substituted bytes can never be sent by mistake
    // Index (in UTF-16 code units of the input) of the first character the encoding cannot represent, or -1.
    // A surrogate pair is one character (errorPos = its first unit); a lone surrogate is always unencodable.
    // An unknown encoding reports errorPos 0: callers validate names with isAvailable() first.
    qsizetype errorPos = -1;
    char32_t badChar = 0;
    bool ok() const { return errorPos < 0; }
};

// Never substitutes '?' silently: an unrepresentable character is reported with its position.
// A leading U+FEFF is kept (Qt would drop it by default).
EncodeResult encode(QStringView text, const QByteArray &encoding);

// One-shot decode; invalid bytes become U+FFFD. An unknown encoding decodes as UTF-8 so a log never goes blank.
// ICU reports invalid bytes as U+001A in some encodings (EUC-JP, EUC-KR, Shift_JIS, GB2312): these are turned into
// U+FFFD unless the input itself holds a 0x1A byte (then they cannot be told apart and stay U+001A).
QString decode(QByteArrayView bytes, const QByteArray &encoding);

// Internal helpers shared with StreamDecoder: the U+001A -> U+FFFD repair described above, and the Shift_JIS control
// code fix below.
void repairSubstitutions(QString &decoded, QByteArrayView input);

// Every Shift_JIS alias in ICU is ibm-943_P15A-2003, which rotates three ASCII control codes both ways (bytes 1A 1C 7F
// decode to U+001C U+007F U+001A, and those encode back to 1A 1C 7F): a received DEL showed as U+FFFD and a typed
// U+001A went out as 7F. None of the three bytes is ever part of a Shift_JIS multi-byte character, so swapping them
// around the ICU call is exact. These return bytes unchanged for any other encoding.
bool rotatesControlCodes(const QByteArray &encoding);
QByteArray beforeIcuDecode(QByteArrayView bytes); // 1A -> 7F, 1C -> 1A, 7F -> 1C
void afterIcuEncode(QByteArray &bytes); // 7F -> 1A, 1A -> 1C, 1C -> 7F

} // namespace Codecs
