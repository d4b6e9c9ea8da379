#include "script/sequencejson.h"

#include "bytes/payloadjson.h"
#include "script/jsonfieldreader.h"
#include "script/sequencefilepositions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <utility>

namespace {

using Kind = SequenceError::Kind;
using Field = std::pair<QString, QJsonValue>;
using Fields = QList<Field>; // in the order a person reads them; QJsonObject would sort them

const QString formatName = QStringLiteral("netassist-sequence");

QString latin1(const QByteArray &id)
{
    return QString::fromLatin1(id);
}

void addSpec(Fields *fields, const Payload::Spec &spec)
{
    fields->append({QStringLiteral("mode"), latin1(PayloadJson::modeId(spec.mode))});
    fields->append({QStringLiteral("encoding"), latin1(spec.encoding)});
    fields->append({QStringLiteral("escapes"), spec.escapes});
    fields->append({QStringLiteral("lineEnding"), latin1(PayloadJson::lineEndingId(spec.lineEnding))});
}

void addChecksum(Fields *fields, Checksum::Algorithm algorithm, Checksum::ByteOrder order)
{
    fields->append({QStringLiteral("checksum"), latin1(Checksum::id(algorithm))});
    fields->append({QStringLiteral("checksumOrder"), latin1(PayloadJson::byteOrderId(order))});
}

Fields stepFields(const Step &step)
{
    Fields fields {{QStringLiteral("step"), latin1(StepIds::kindId(step.kind))}};
    if (!step.label.isEmpty())
        fields.append({QStringLiteral("label"), step.label});
    const bool marker = step.kind == Step::Kind::RepeatBegin || step.kind == Step::Kind::RepeatEnd;
    if (!marker && !step.enabled)
        fields.append({QStringLiteral("enabled"), false});
    switch (step.kind) {
    case Step::Kind::Send:
        fields.append({QStringLiteral("text"), step.send.text});
        addSpec(&fields, step.send.spec);
        addChecksum(&fields, step.send.spec.checksum, step.send.spec.checksumOrder);
        fields.append({QStringLiteral("target"), latin1(StepIds::targetId(step.send.target))});
        break;
    case Step::Kind::Expect:
        fields.append({QStringLiteral("match"), latin1(StepIds::matchId(step.expect.match))});
        fields.append({QStringLiteral("pattern"), step.expect.pattern});
        addSpec(&fields, step.expect.spec);
        fields.append({QStringLiteral("timeoutMs"), step.expect.timeoutMs});
        addChecksum(&fields, step.expect.checksum.algorithm, step.expect.checksum.order);
        break;
    case Step::Kind::Wait:
        fields.append({QStringLiteral("ms"), step.waitMs});
        break;
    case Step::Kind::RepeatBegin:
        fields.append({QStringLiteral("count"), step.repeatCount});
        break;
    case Step::Kind::RepeatEnd:
        break;
    }
    return fields;
}

Fields headerFields(const Sequence &sequence)
{
    return {
        {QStringLiteral("format"), formatName},
        {QStringLiteral("version"), SequenceJson::FormatVersion},
        {QStringLiteral("name"), sequence.name},
        {QStringLiteral("description"), sequence.description},
        {QStringLiteral("stopOnFailure"), sequence.stopOnFailure},
        {QStringLiteral("framing"), sequence.framing},
    };
}

QJsonObject toObject(const Fields &fields)
{
    QJsonObject object;
    for (const Field &field : fields)
        object.insert(field.first, field.second);
    return object;
}

// QJsonDocument writes any value correctly escaped, but only inside an array or object.
QByteArray compact(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return array.sliced(1, array.size() - 2);
}

QByteArray compact(const Fields &fields)
{
    QByteArray out = "{";
    for (const Field &field : fields) {
        if (out.size() > 1)
            out += ", ";
        out += compact(field.first) + ": " + compact(field.second);
    }
    return out + '}';
}

QStringList keysOf(const Fields &fields)
{
    QStringList keys;
    for (const Field &field : fields)
        keys.append(field.first);
    return keys;
}

// The keys a step of this kind may have: the ones save() writes, label and enabled always included.
QStringList allowedKeys(Step::Kind kind)
{
    Step step;
    step.kind = kind;
    step.label = QStringLiteral("-");
    step.enabled = false;
    return keysOf(stepFields(step));
}

Step readStep(const QJsonValue &value, int index, SequenceError *error)
{
    Step step;
    if (!value.isObject()) {
        error->kind = Kind::WrongType;
        error->stepIndex = index;
        return step;
    }
    const QJsonObject object = value.toObject();
    JsonFieldReader reader(object, index, error);
    QString kindText;
    if (!reader.string(QStringLiteral("step"), &kindText, true))
        return step;
    bool known = false;
    step.kind = StepIds::kindFromId(kindText.toUtf8(), &known);
    if (!known) {
        reader.fail(Kind::UnknownStep, QStringLiteral("step"));
        return step;
    }
    if (!reader.onlyKeys(allowedKeys(step.kind)))
        return step;
    reader.string(QStringLiteral("label"), &step.label);
    reader.boolean(QStringLiteral("enabled"), &step.enabled);
    switch (step.kind) {
    case Step::Kind::Send:
        reader.string(QStringLiteral("text"), &step.send.text, true);
        reader.spec(&step.send.spec);
        reader.checksum(&step.send.spec.checksum, &step.send.spec.checksumOrder);
        reader.id(QStringLiteral("target"), &step.send.target,
            [](QByteArrayView id, bool *ok) { return StepIds::targetFromId(id, ok); });
        break;
    case Step::Kind::Expect:
        reader.id(QStringLiteral("match"), &step.expect.match,
            [](QByteArrayView id, bool *ok) { return StepIds::matchFromId(id, ok); });
        reader.string(QStringLiteral("pattern"), &step.expect.pattern, true);
        reader.spec(&step.expect.spec);
        reader.integer(QStringLiteral("timeoutMs"), &step.expect.timeoutMs, 0, StepLimits::MaxTimeoutMs);
        reader.checksum(&step.expect.checksum.algorithm, &step.expect.checksum.order);
        break;
    case Step::Kind::Wait:
        reader.integer(QStringLiteral("ms"), &step.waitMs, 0, StepLimits::MaxWaitMs, true);
        break;
    case Step::Kind::RepeatBegin:
        reader.integer(QStringLiteral("count"), &step.repeatCount, 1, StepLimits::MaxRepeatCount, true);
        break;
    case Step::Kind::RepeatEnd:
        break;
    }
    return step;
}

Sequence readSequence(const QJsonObject &root, SequenceJson::Check check, SequenceError *error)
{
    Sequence sequence;
    JsonFieldReader reader(root, -1, error);
    if (root.value(QLatin1String("format")) != formatName) {
        error->kind = Kind::NotSequence;
        error->field = QStringLiteral("format");
        return sequence;
    }
    const QJsonValue version = root.value(QLatin1String("version"));
    if (version.isDouble() && version.toDouble() > SequenceJson::FormatVersion) {
        error->kind = Kind::NewerVersion;
        error->field = QStringLiteral("version");
        return sequence;
    }
    int versionNumber = 0;
    reader.integer(QStringLiteral("version"), &versionNumber, 1, SequenceJson::FormatVersion, true);
    QStringList allowed = keysOf(headerFields(sequence));
    allowed.append(QStringLiteral("steps"));
    reader.onlyKeys(allowed);
    reader.string(QStringLiteral("name"), &sequence.name);
    reader.string(QStringLiteral("description"), &sequence.description);
    reader.boolean(QStringLiteral("stopOnFailure"), &sequence.stopOnFailure);
    const QJsonValue framing = root.value(QLatin1String("framing"));
    if (!framing.isUndefined() && !framing.isObject())
        reader.fail(Kind::WrongType, QStringLiteral("framing"));
    sequence.framing = framing.toObject();
    const QJsonValue steps = root.value(QLatin1String("steps"));
    if (steps.isUndefined())
        reader.fail(Kind::MissingField, QStringLiteral("steps"));
    else if (!steps.isArray())
        reader.fail(Kind::WrongType, QStringLiteral("steps"));
    if (reader.failed())
        return {};
    const QJsonArray array = steps.toArray();
    for (int i = 0; i < array.size(); ++i) {
        sequence.steps.append(readStep(array.at(i), i, error));
        if (!error->ok())
            return {};
    }
    const QList<SequenceError> problems
        = check == SequenceJson::Check::Steps ? SequenceCheck::problems(sequence) : QList<SequenceError>();
    if (!problems.isEmpty()) {
        *error = problems.constFirst();
        return {};
    }
    return sequence;
}

} // namespace

namespace SequenceJson {

QJsonObject toJson(const Sequence &sequence)
{
    QJsonObject root = toObject(headerFields(sequence));
    QJsonArray steps;
    for (const Step &step : sequence.steps)
        steps.append(toObject(stepFields(step)));
    root.insert(QLatin1String("steps"), steps);
    return root;
}

QByteArray save(const Sequence &sequence)
{
    // One step per line: a file a person edits and a version control diff reads, in the fields' reading order.
    QByteArray out = "{\n";
    for (const Field &field : headerFields(sequence))
        out += "    " + compact(field.first) + ": " + compact(field.second) + ",\n";
    out += "    \"steps\": [";
    for (int i = 0; i < sequence.steps.size(); ++i)
        out += (i == 0 ? "\n        " : ",\n        ") + compact(stepFields(sequence.steps.at(i)));
    out += sequence.steps.isEmpty() ? "]\n}\n" : "\n    ]\n}\n";
    return out;
}

LoadResult fromJson(const QJsonObject &object, Check check)
{
    LoadResult result;
    result.sequence = readSequence(object, check, &result.error);
    return result;
}

LoadResult load(const QByteArray &json)
{
    LoadResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error.kind = Kind::NotJson;
        result.error.detail = parseError.errorString();
        const auto at = SequenceFilePositions::lineColumn(json, parseError.offset);
        result.error.line = at.line;
        result.error.column = at.column;
        return result;
    }
    if (!document.isObject()) {
        result.error.kind = Kind::NotSequence;
        result.error.line = 1;
        result.error.column = 1;
        return result;
    }
    result = fromJson(document.object());
    if (!result.ok()) {
        const qsizetype offset = SequenceFilePositions::scan(json).offsetOf(result.error.stepIndex, result.error.field);
        if (offset >= 0) {
            const auto at = SequenceFilePositions::lineColumn(json, offset);
            result.error.line = at.line;
            result.error.column = at.column;
        }
    }
    return result;
}

} // namespace SequenceJson
