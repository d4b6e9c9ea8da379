// Checksum::value / bytes against a bit-at-a-time CRC written from the catalogue parameters (not from the tables),
// plus algebraic properties: the residue of data followed by its own CRC, and CRC linearity over XOR.
// Input: [id length][id bytes][data].

#include "bytes/checksum.h"
#include "fuzzinput.h"

#include <algorithm>

namespace {

using Checksum::Algorithm;

// The reveng catalogue's model: width, poly, init, refin = refout, xorout.
struct CrcModel
{
    int width;
    quint32 poly;
    quint32 init;
    bool reflected;
    quint32 xorOut;
};

quint32 reflect(quint32 value, int bits)
{
    quint32 out = 0;
    for (int i = 0; i < bits; ++i)
        out |= ((value >> i) & 1u) << (bits - 1 - i);
    return out;
}

quint32 bitwiseCrc(const CrcModel &m, QByteArrayView data)
{
    const quint32 mask = m.width == 32 ? 0xffffffffu : (1u << m.width) - 1;
    const quint32 top = 1u << (m.width - 1);
    quint32 crc = m.init;
    for (char c : data) {
        const quint32 byte = m.reflected ? reflect(uchar(c), 8) : uchar(c);
        crc ^= byte << (m.width - 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = ((crc & top) ? (crc << 1) ^ m.poly : crc << 1) & mask;
    }
    if (m.reflected)
        crc = reflect(crc, m.width);
    return (crc ^ m.xorOut) & mask;
}

bool modelOf(Algorithm algorithm, CrcModel *model)
{
    switch (algorithm) {
    case Algorithm::Crc8:
        *model = {8, 0x07, 0x00, false, 0x00};
        return true;
    case Algorithm::Crc16Modbus:
        *model = {16, 0x8005, 0xffff, true, 0x0000};
        return true;
    case Algorithm::Crc16CcittFalse:
        *model = {16, 0x1021, 0xffff, false, 0x0000};
        return true;
    case Algorithm::Crc32:
        *model = {32, 0x04c11db7, 0xffffffff, true, 0xffffffff};
        return true;
    default:
        return false;
    }
}

quint32 reference(Algorithm algorithm, QByteArrayView data)
{
    CrcModel model;
    if (modelOf(algorithm, &model))
        return bitwiseCrc(model, data);
    quint8 sum = 0;
    quint8 x = 0;
    for (char c : data) {
        sum = quint8(sum + uchar(c));
        x ^= uchar(c);
    }
    return algorithm == Algorithm::Sum8 ? sum : algorithm == Algorithm::Xor8 ? x : 0;
}

void checkAlgorithm(Algorithm algorithm, QByteArrayView data)
{
    const QByteArray name = Checksum::id(algorithm);
    const quint32 value = Checksum::value(algorithm, data);
    FUZZ_CHECK(value == reference(algorithm, data), "%s of %s: %08x, reference %08x", name.constData(),
        show(data).constData(), value, reference(algorithm, data));
    const int width = Checksum::width(algorithm);
    FUZZ_CHECK(width == 0 || value >> (width * 8 - 1) >> 1 == 0, "%s: %08x wider than %d bytes", name.constData(),
        value, width);

    const QByteArray big = Checksum::bytes(algorithm, data, Checksum::ByteOrder::BigEndian);
    QByteArray little = Checksum::bytes(algorithm, data, Checksum::ByteOrder::LittleEndian);
    quint32 fromBig = 0;
    for (char c : big)
        fromBig = fromBig << 8 | uchar(c);
    std::reverse(little.begin(), little.end());
    FUZZ_CHECK(big.size() == width && little == big && fromBig == (width ? value : 0), "%s: bytes %s / %s",
        name.constData(), show(big).constData(), show(little).constData());

    // Appending the checksum in the order its shift register runs leaves a constant residue.
    QByteArray withCheck = data.toByteArray();
    CrcModel model;
    if (algorithm == Algorithm::Sum8) {
        withCheck.append(char(-int(value)));
    } else if (algorithm == Algorithm::Xor8) {
        withCheck.append(char(value));
    } else if (modelOf(algorithm, &model)) {
        withCheck.append(Checksum::bytes(
            algorithm, data, model.reflected ? Checksum::ByteOrder::LittleEndian : Checksum::ByteOrder::BigEndian));
    }
    if (algorithm != Algorithm::None) {
        const quint32 residue = algorithm == Algorithm::Crc32 ? 0x2144df1cu : 0u;
        FUZZ_CHECK(Checksum::value(algorithm, withCheck) == residue, "%s residue of %s is %08x", name.constData(),
            show(data).constData(), Checksum::value(algorithm, withCheck));
    }

    // CRCs are affine over GF(2): crc(a ^ b) ^ crc(a) ^ crc(b) == crc(zeros) for equal lengths.
    if (algorithm != Algorithm::Sum8) {
        const qsizetype half = data.size() / 2;
        const QByteArrayView a = data.first(half);
        const QByteArrayView b = data.sliced(half, half);
        QByteArray mixed(half, Qt::Uninitialized);
        for (qsizetype i = 0; i < half; ++i)
            mixed[i] = char(a[i] ^ b[i]);
        const quint32 lhs
            = Checksum::value(algorithm, mixed) ^ Checksum::value(algorithm, a) ^ Checksum::value(algorithm, b);
        FUZZ_CHECK(lhs == Checksum::value(algorithm, QByteArray(half, '\0')), "%s is not affine", name.constData());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput in(data, size);
    const QByteArrayView id = in.bytes(in.pick(20));
    const Algorithm parsed = Checksum::fromId(id);
    FUZZ_CHECK(parsed == Algorithm::None || Checksum::id(parsed) == id, "fromId(%s) accepted a different id",
        show(id).constData());
    const QByteArrayView bytes = in.rest();
    for (Algorithm algorithm : Checksum::all()) {
        FUZZ_CHECK(Checksum::fromId(Checksum::id(algorithm)) == algorithm, "id round trip");
        checkAlgorithm(algorithm, bytes);
    }
    return 0;
}
