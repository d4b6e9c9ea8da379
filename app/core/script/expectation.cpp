#include "script/expectation.h"

#include "text/codecs.h"

namespace {

FrameDifference compareBytes(QByteArrayView frame, QByteArrayView expected, bool wholeFrame)
{
    FrameDifference difference;
    const qsizetype common = qMin(frame.size(), expected.size());
    qsizetype offset = 0;
    while (offset < common && frame.at(offset) == expected.at(offset))
        ++offset;
    if (offset < common) {
        difference.kind = FrameDifference::Kind::Byte;
    } else if (frame.size() < expected.size()) {
        difference.kind = FrameDifference::Kind::FrameShorter;
    } else if (wholeFrame && frame.size() > expected.size()) {
        difference.kind = FrameDifference::Kind::FrameLonger;
        difference.offset = offset;
        difference.actual = quint8(frame.at(offset));
        return difference;
    } else {
        return difference;
    }
    difference.offset = offset;
    difference.actual = offset < frame.size() ? quint8(frame.at(offset)) : -1;
    difference.hasExpected = true;
    difference.expectedValue = quint8(expected.at(offset));
    return difference;
}

FrameDifference notFound()
{
    FrameDifference difference;
    difference.kind = FrameDifference::Kind::NotFound;
    return difference;
}

} // namespace

Expectation Expectation::compile(const ExpectStep &step)
{
    Expectation e;
    e.m_match = step.match;
    e.m_encoding = step.spec.encoding;
    e.m_checksum = step.checksum;
    switch (step.match) {
    case ExpectMatch::Equals:
    case ExpectMatch::StartsWith:
    case ExpectMatch::Contains: {
        Payload::Spec spec = step.spec;
        spec.checksum = Checksum::Algorithm::None; // the step's checksum checks the reply, it is not in the pattern
        e.m_payload = Payload::build(step.pattern, spec);
        if (e.m_payload.error == Payload::Error::Empty)
            e.m_error = Error::EmptyPattern;
        else if (!e.m_payload.ok())
            e.m_error = Error::BadPattern;
        break;
    }
    case ExpectMatch::Regex:
        if (step.pattern.isEmpty()) {
            e.m_error = Error::EmptyPattern;
            break;
        }
        if (!Codecs::isAvailable(step.spec.encoding)) {
            e.m_error = Error::UnknownEncoding;
            break;
        }
        e.m_regex = QRegularExpression(step.pattern);
        if (!e.m_regex.isValid())
            e.m_error = Error::BadRegex;
        break;
    case ExpectMatch::HexPattern:
        e.m_hex = HexPattern::parse(step.pattern);
        if (e.m_hex.error == HexPattern::Error::Empty)
            e.m_error = Error::EmptyPattern;
        else if (!e.m_hex.ok())
            e.m_error = Error::BadHexPattern;
        break;
    }
    return e;
}

FrameDifference Expectation::comparePattern(QByteArrayView frame) const
{
    switch (m_match) {
    case ExpectMatch::Equals:
        return compareBytes(frame, m_payload.bytes, true);
    case ExpectMatch::StartsWith:
        return compareBytes(frame, m_payload.bytes, false);
    case ExpectMatch::Contains:
        return frame.contains(m_payload.bytes) ? FrameDifference() : notFound();
    case ExpectMatch::Regex:
        return m_regex.match(Codecs::decode(frame, m_encoding)).hasMatch() ? FrameDifference() : notFound();
    case ExpectMatch::HexPattern:
        return m_hex.pattern.match(frame);
    }
    return notFound();
}

FrameDifference Expectation::compareChecksum(QByteArrayView frame) const
{
    FrameDifference difference;
    const int width = Checksum::width(m_checksum.algorithm);
    if (width == 0)
        return difference;
    difference.kind = FrameDifference::Kind::Checksum;
    if (frame.size() <= width) {
        difference.offset = 0;
        difference.actualBytes = frame.toByteArray();
        return difference;
    }
    const qsizetype bodySize = frame.size() - width;
    difference.expectedBytes = Checksum::bytes(m_checksum.algorithm, frame.first(bodySize), m_checksum.order);
    difference.actualBytes = frame.sliced(bodySize).toByteArray();
    if (difference.expectedBytes == difference.actualBytes)
        return FrameDifference();
    difference.offset = bodySize;
    return difference;
}

Expectation::Check Expectation::check(QByteArrayView frame) const
{
    Check result;
    if (!ok()) {
        result.outcome = Outcome::Mismatch;
        return result;
    }
    result.difference = comparePattern(frame);
    if (result.difference.kind != FrameDifference::Kind::None) {
        result.outcome = Outcome::Mismatch;
        return result;
    }
    result.difference = compareChecksum(frame);
    if (result.difference.kind != FrameDifference::Kind::None)
        result.outcome = Outcome::ChecksumMismatch;
    return result;
}
