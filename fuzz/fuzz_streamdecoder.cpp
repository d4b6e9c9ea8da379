// StreamDecoder fed random chunkings of random bytes, in every offered encoding, against a one-shot
// Codecs::decode of the whole input: how TCP happened to split the stream must never change the text shown.
// Input: [encoding index][n][n chunk sizes][bytes]. Chunk sizes are used in turn (0 feeds an empty chunk).
//
// Known bugs are tolerated unless NETASSIST_FUZZ_STRICT=1 is set (fuzz/README.md has their reproducers):
//  (K1 and K4, a truncated character at the end shown differently one-shot, were fixed: Codecs::decode now ends
//  with StreamDecoder::finish(); their reproducers are in the corpus.)
//  K2  Qt 6.4's ICU decoder sizes its output for the new chunk only (2 units per input byte) and loses output when
//      a chunk is shorter than the bytes held from the previous one (GB18030 holds up to 3, EUC-JP up to 2).
//      Tolerated: chunks of GB18030 and EUC-JP are made at least 4 bytes long, the last one included.
//  K3  The U+001A -> U+FFFD repair looks for a real 0x1A byte in the current chunk only (StreamDecoder) but in the
//      whole input (Codecs::decode), so they disagree when the input holds a 0x1A byte and invalid bytes in
//      different chunks. Tolerated: with a 0x1A byte in the input, U+001A and U+FFFD compare equal.

#include "fuzzinput.h"
#include "text/codecs.h"
#include "text/streamdecoder.h"

#include <QList>

#include <algorithm>
#include <cstdlib>

namespace {

// minChunk > 0: no chunk is shorter than that, the last one included (K2).
QString streamed(StreamDecoder &decoder, QByteArrayView bytes, const QList<int> &chunkSizes, qsizetype minChunk)
{
    QString text;
    qsizetype pos = 0;
    for (qsizetype turn = 0; pos < bytes.size(); ++turn) {
        qsizetype n
            = qMin<qsizetype>(std::max<qsizetype>(chunkSizes[turn % chunkSizes.size()], minChunk), bytes.size() - pos);
        if (bytes.size() - pos - n < minChunk)
            n = bytes.size() - pos;
        text += decoder.decode(bytes.sliced(pos, n));
        pos += n;
    }
    return text + decoder.finish();
}

QByteArray sizesText(const QList<int> &sizes)
{
    QByteArray text;
    for (int s : sizes)
        text += QByteArray::number(s) + ' ';
    return text.trimmed();
}

bool strict()
{
    static const bool value = std::getenv("NETASSIST_FUZZ_STRICT") && *std::getenv("NETASSIST_FUZZ_STRICT") == '1';
    return value;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const QList<QByteArray> &encodings = Codecs::available();
    const QByteArray encoding = encodings[in.pick(encodings.size())];
    QList<int> chunkSizes;
    const int count = 1 + in.pick(8);
    for (int i = 0; i < count; ++i) {
        const uint8_t b = in.byte();
        chunkSizes.append(b < 0xf0 ? b % 9 : b); // mostly tiny chunks: they split characters
    }
    if (std::all_of(chunkSizes.cbegin(), chunkSizes.cend(), [](int s) { return s == 0; }))
        chunkSizes.append(1);
    const bool heldMoreThanTwo = encoding == "GB18030" || encoding == "EUC-JP";
    const qsizetype minChunk = heldMoreThanTwo && !strict() ? 4 : 0; // K2
    const QByteArrayView bytes = in.rest();

    const QString oneShot = Codecs::decode(bytes, encoding);
    StreamDecoder decoder(encoding);
    const QString inChunks = streamed(decoder, bytes, chunkSizes, minChunk);
    QString streamText = inChunks;
    QString oneShotText = oneShot;
    if (!strict() && bytes.contains('\x1a')) { // K3
        streamText.replace(QChar(0x1a), QChar::ReplacementCharacter);
        oneShotText.replace(QChar(0x1a), QChar::ReplacementCharacter);
    }
    FUZZ_CHECK(streamText == oneShotText, "%s, chunks of %s: bytes %s\n  streamed %s\n  one-shot %s",
        encoding.constData(), sizesText(chunkSizes).constData(), show(bytes).constData(), show(inChunks).constData(),
        show(oneShot).constData());
    // finish() leaves a fresh decoder: the same stream decodes the same way again.
    FUZZ_CHECK(
        streamed(decoder, bytes, chunkSizes, minChunk) == inChunks, "%s: second stream differs", encoding.constData());
    return 0;
}
