#include "stepeditor.h"

#include "comboboxdata.h"
#include "sequencetext.h"
#include "specnames.h"
#include "statuscolors.h"
#include "text/codecs.h"
#include "widgetnames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>

#include <functional>

// A Payload::Spec as a compact grid (the send box's one-row bar is too wide for a side panel). The same ids as the
// send box's options, so a step reads like the send box that would send it. For an expect, the checksum is the
// reply's (ExpectStep::checksum): the caller maps it.
class StepSpecFields : public QWidget
{
public:
    StepSpecFields(const char *prefix, const QString &checksumLabel, const QString &checksumTip, QWidget *parent)
        : QWidget(parent)
    {
        const QString p = QLatin1String(prefix);
        auto combo = [this, &p](const char *name, const QString &accessible, const QString &tip) {
            auto *box = new QComboBox(this);
            box->setObjectName(p + QLatin1String(name));
            box->setAccessibleName(accessible);
            box->setToolTip(tip);
            box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            box->setMinimumContentsLength(4);
            connect(box, &QComboBox::currentIndexChanged, this, [this] { changed(); });
            return box;
        };
        m_mode = combo("Mode", StepEditor::tr("Mode"), StepEditor::tr("Text, or bytes written as hex digits"));
        m_encoding = combo("Encoding", StepEditor::tr("Encoding"), StepEditor::tr("The encoding of the text"));
        m_escapes = new QCheckBox(StepEditor::tr("Escapes \\r \\n \\xNN"), this);
        m_escapes->setObjectName(p + QStringLiteral("Escapes"));
        m_escapes->setAccessibleName(StepEditor::tr("Escapes"));
        m_escapes->setToolTip(StepEditor::tr("Read \\r \\n \\t \\\\ \\0 and \\xNN as escapes. Text mode only."));
        connect(m_escapes, &QCheckBox::toggled, this, [this] { changed(); });
        m_lineEnding = combo("LineEnding", StepEditor::tr("Line ending"), StepEditor::tr("Appended after the text"));
        m_checksum = combo("Checksum", checksumLabel, checksumTip);
        m_order = combo("ChecksumOrder", StepEditor::tr("Checksum byte order"),
            StepEditor::tr("Byte order of a multi-byte checksum (Modbus RTU sends the low byte first)"));

        m_mode->addItem(StepEditor::tr("Text"), int(Payload::Mode::Text));
        m_mode->addItem(StepEditor::tr("Hex"), int(Payload::Mode::Hex));
        for (const QByteArray &name : Codecs::available())
            m_encoding->addItem(QString::fromLatin1(name), name);
        for (auto ending :
            {Payload::LineEnding::None, Payload::LineEnding::CR, Payload::LineEnding::LF, Payload::LineEnding::CRLF})
            m_lineEnding->addItem(SpecNames::lineEnding(ending), int(ending));
        for (Checksum::Algorithm algorithm : Checksum::all())
            m_checksum->addItem(SpecNames::checksum(algorithm), int(algorithm));
        m_order->addItem(StepEditor::tr("Big-endian"), int(Checksum::ByteOrder::BigEndian));
        m_order->addItem(StepEditor::tr("Little-endian"), int(Checksum::ByteOrder::LittleEndian));
        connect(m_checksum, &QComboBox::currentIndexChanged, this, [this] {
            // A new algorithm starts in the order its protocols use, as in the send box.
            if (!m_setting) {
                const QSignalBlocker blocker(m_order);
                ComboBoxData::select(
                    m_order, Checksum::naturalOrder(ComboBoxData::current<Checksum::Algorithm>(m_checksum)));
            }
        });

        auto label = [this](const QString &text, QWidget *buddy) {
            auto *l = new QLabel(text, this);
            l->setBuddy(buddy);
            return l;
        };
        auto *grid = new QGridLayout(this);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(4);
        grid->setVerticalSpacing(2);
        grid->addWidget(label(StepEditor::tr("Mode:"), m_mode), 0, 0);
        grid->addWidget(m_mode, 0, 1);
        grid->addWidget(m_encoding, 0, 2);
        grid->addWidget(m_escapes, 1, 1, 1, 2);
        grid->addWidget(label(StepEditor::tr("Line ending:"), m_lineEnding), 2, 0);
        grid->addWidget(m_lineEnding, 2, 1);
        grid->addWidget(label(StepEditor::tr("Checksum:"), m_checksum), 3, 0);
        grid->addWidget(m_checksum, 3, 1);
        grid->addWidget(m_order, 3, 2);
        grid->setColumnStretch(1, 1);
        grid->setColumnStretch(2, 1);
    }

    std::function<void()> onChanged;

    Payload::Spec spec() const
    {
        Payload::Spec spec;
        spec.mode = ComboBoxData::current<Payload::Mode>(m_mode);
        spec.encoding = m_encoding->currentData().toByteArray();
        spec.escapes = m_escapes->isChecked();
        spec.lineEnding = ComboBoxData::current<Payload::LineEnding>(m_lineEnding);
        spec.checksum = ComboBoxData::current<Checksum::Algorithm>(m_checksum);
        spec.checksumOrder = ComboBoxData::current<Checksum::ByteOrder>(m_order);
        return spec;
    }

    void setSpec(const Payload::Spec &spec)
    {
        m_setting = true;
        ComboBoxData::select(m_mode, spec.mode);
        int encoding = -1;
        for (int i = 0; encoding < 0 && i < m_encoding->count(); ++i) {
            if (m_encoding->itemData(i).toByteArray().compare(spec.encoding, Qt::CaseInsensitive) == 0)
                encoding = i;
        }
        if (encoding < 0) { // kept, so the step round-trips and its problem can name it
            m_encoding->addItem(QString::fromLatin1(spec.encoding), spec.encoding);
            encoding = m_encoding->count() - 1;
        }
        m_encoding->setCurrentIndex(encoding);
        m_escapes->setChecked(spec.escapes);
        ComboBoxData::select(m_lineEnding, spec.lineEnding);
        ComboBoxData::select(m_checksum, spec.checksum);
        ComboBoxData::select(m_order, spec.checksumOrder);
        m_setting = false;
        updateEnabled();
    }

    // Hex patterns use none of the text options, a regex only the encoding.
    void setTextOptionsEnabled(bool encoding, bool others)
    {
        m_textOptions = others;
        m_encoding->setEnabled(encoding);
        updateEnabled();
    }

private:
    void changed()
    {
        updateEnabled();
        if (!m_setting && onChanged)
            onChanged();
    }
    void updateEnabled()
    {
        const bool text = ComboBoxData::current<Payload::Mode>(m_mode) == Payload::Mode::Text;
        m_mode->setEnabled(m_textOptions);
        m_escapes->setEnabled(m_textOptions && text);
        m_lineEnding->setEnabled(m_textOptions);
        m_order->setEnabled(Checksum::width(ComboBoxData::current<Checksum::Algorithm>(m_checksum)) > 1);
    }

    QComboBox *m_mode;
    QComboBox *m_encoding;
    QCheckBox *m_escapes;
    QComboBox *m_lineEnding;
    QComboBox *m_checksum;
    QComboBox *m_order;
    bool m_setting = false;
    bool m_textOptions = true;
};

namespace {

QSpinBox *spinBox(QWidget *parent, const char *name, const QString &accessible, const QString &tip, int minimum,
    int maximum, const QString &suffix)
{
    auto *box = named(new QSpinBox(parent), name, accessible, tip);
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

QFormLayout *form(QWidget *page)
{
    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return layout;
}

} // namespace

StepEditor::StepEditor(QWidget *parent)
    : QWidget(parent)
{
    m_kind = named(new QComboBox(this), "stepKind", tr("Step kind"), tr("What the step does"));
    for (Step::Kind kind :
        {Step::Kind::Send, Step::Kind::Expect, Step::Kind::Wait, Step::Kind::RepeatBegin, Step::Kind::RepeatEnd})
        m_kind->addItem(SequenceText::kind(kind), int(kind));
    m_label = named(new QLineEdit(this), "stepLabel", tr("Step label"),
        tr("A name for the step, shown in its row and in the JUnit report"));
    m_label->setPlaceholderText(tr("optional"));
    m_enabled = named(new QCheckBox(tr("Runs"), this), "stepEnabled", tr("Step runs"),
        tr("A step that does not run is reported skipped (it is still checked)"));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("stepPages"));
    m_pages->addWidget(createSendPage());
    m_pages->addWidget(createExpectPage());
    m_pages->addWidget(createWaitPage());
    m_pages->addWidget(createRepeatPage());
    auto *end = new QLabel(tr("Ends the repeated steps."), m_pages);
    end->setWordWrap(true);
    m_pages->addWidget(end);

    m_problem = valueLabel(new QLabel(this), "stepProblem", tr("Step problem"), tr("Why this step cannot run"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();
    StatusColors::mark(m_problem, StatusColors::Error);

    auto *head = new QHBoxLayout;
    head->addWidget(m_kind, 1);
    head->addWidget(m_enabled);
    auto *layout = form(this);
    layout->addRow(tr("Kind:"), head);
    layout->addRow(tr("Label:"), m_label);
    layout->addRow(m_pages);
    layout->addRow(m_problem);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &StepEditor::readFields);
    connect(m_label, &QLineEdit::textEdited, this, &StepEditor::readFields);
    connect(m_enabled, &QCheckBox::toggled, this, &StepEditor::readFields);
    show(m_step);
}

QWidget *StepEditor::createSendPage()
{
    auto *page = new QWidget;
    m_sendText = named(new QLineEdit(page), "stepSendText", tr("Data to send"),
        tr("The payload as the send box takes it: text, or hex digits in hex mode"));
    m_sendSpec = new StepSpecFields("stepSend", tr("Checksum"), tr("Appended, over all the bytes before it"), page);
    m_sendSpec->onChanged = [this] { readFields(); };
    m_target = named(new QComboBox(page), "stepSendTarget", tr("Send to"), tr("Which peers the bytes go to"));
    m_target->addItem(tr("The current peer"), int(SequenceTarget::CurrentPeer));
    m_target->addItem(tr("Every peer"), int(SequenceTarget::AllPeers));
    auto *layout = form(page);
    layout->addRow(tr("Data:"), m_sendText);
    layout->addRow(m_sendSpec);
    layout->addRow(tr("To:"), m_target);
    connect(m_sendText, &QLineEdit::textEdited, this, &StepEditor::readFields);
    connect(m_target, &QComboBox::currentIndexChanged, this, &StepEditor::readFields);
    return page;
}

QWidget *StepEditor::createExpectPage()
{
    auto *page = new QWidget;
    m_match = named(new QComboBox(page), "stepExpectMatch", tr("Match"), tr("How the next frame is compared"));
    m_match->addItem(tr("equals"), int(ExpectMatch::Equals));
    m_match->addItem(tr("starts with"), int(ExpectMatch::StartsWith));
    m_match->addItem(tr("contains"), int(ExpectMatch::Contains));
    m_match->addItem(tr("matches the regex"), int(ExpectMatch::Regex));
    m_match->addItem(tr("matches the hex pattern"), int(ExpectMatch::HexPattern));
    m_pattern = named(new QLineEdit(page), "stepExpectPattern", tr("Expected pattern"),
        tr("Text or hex to compare with; a regex; or a hex pattern with ?? (any byte) and .. (any bytes)"));
    m_expectSpec = new StepSpecFields("stepExpect", tr("Reply checksum"),
        tr("The reply's last bytes must be this checksum over the bytes before them"), page);
    m_expectSpec->onChanged = [this] { readFields(); };
    m_timeout = spinBox(page, "stepExpectTimeout", tr("Timeout"), tr("How long to wait for the frame"), 0,
        StepLimits::MaxTimeoutMs, tr(" ms"));
    auto *layout = form(page);
    layout->addRow(tr("Match:"), m_match);
    layout->addRow(tr("Pattern:"), m_pattern);
    layout->addRow(m_expectSpec);
    layout->addRow(tr("Within:"), m_timeout);
    connect(m_match, &QComboBox::currentIndexChanged, this, &StepEditor::readFields);
    connect(m_pattern, &QLineEdit::textEdited, this, &StepEditor::readFields);
    connect(m_timeout, &QSpinBox::valueChanged, this, &StepEditor::readFields);
    return page;
}

QWidget *StepEditor::createWaitPage()
{
    auto *page = new QWidget;
    m_waitMs = spinBox(page, "stepWaitMs", tr("Wait time"), tr("How long to wait; frames that arrive are kept"), 0,
        StepLimits::MaxWaitMs, tr(" ms"));
    form(page)->addRow(tr("Wait:"), m_waitMs);
    connect(m_waitMs, &QSpinBox::valueChanged, this, &StepEditor::readFields);
    return page;
}

QWidget *StepEditor::createRepeatPage()
{
    auto *page = new QWidget;
    m_repeatCount = spinBox(page, "stepRepeatCount", tr("Repeat count"),
        tr("How many times the steps up to the end-repeat run"), 1, StepLimits::MaxRepeatCount, tr(" times"));
    form(page)->addRow(tr("Repeat:"), m_repeatCount);
    connect(m_repeatCount, &QSpinBox::valueChanged, this, &StepEditor::readFields);
    return page;
}

void StepEditor::setStep(const Step &step)
{
    m_step = step;
    show(step);
}

void StepEditor::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void StepEditor::show(const Step &step)
{
    m_showing = true;
    ComboBoxData::select(m_kind, step.kind);
    m_label->setText(step.label);
    m_enabled->setChecked(step.enabled);
    m_sendText->setText(step.send.text);
    m_sendSpec->setSpec(step.send.spec);
    ComboBoxData::select(m_target, step.send.target);
    ComboBoxData::select(m_match, step.expect.match);
    m_pattern->setText(step.expect.pattern);
    Payload::Spec expectSpec = step.expect.spec;
    expectSpec.checksum = step.expect.checksum.algorithm;
    expectSpec.checksumOrder = step.expect.checksum.order;
    m_expectSpec->setSpec(expectSpec);
    m_timeout->setValue(step.expect.timeoutMs);
    m_waitMs->setValue(step.waitMs);
    m_repeatCount->setValue(step.repeatCount);
    m_showing = false;
    updateEnabled();
}

void StepEditor::readFields()
{
    updateEnabled();
    if (m_showing)
        return;
    Step step = m_step;
    step.kind = ComboBoxData::current<Step::Kind>(m_kind);
    step.label = m_label->text();
    step.enabled = m_enabled->isChecked();
    step.send.text = m_sendText->text();
    step.send.spec = m_sendSpec->spec();
    step.send.target = ComboBoxData::current<SequenceTarget>(m_target);
    step.expect.match = ComboBoxData::current<ExpectMatch>(m_match);
    step.expect.pattern = m_pattern->text();
    const Payload::Spec expectSpec = m_expectSpec->spec();
    step.expect.checksum = {expectSpec.checksum, expectSpec.checksumOrder};
    step.expect.spec = expectSpec;
    step.expect.spec.checksum = Checksum::Algorithm::None; // not used by the match (see ExpectStep)
    step.expect.spec.checksumOrder = Payload::Spec().checksumOrder;
    step.expect.timeoutMs = m_timeout->value();
    step.waitMs = m_waitMs->value();
    step.repeatCount = m_repeatCount->value();
    const bool same = step == m_step; // compares the kind's own fields only
    m_step = step;
    if (!same)
        Q_EMIT stepEdited(step);
}

void StepEditor::updateEnabled()
{
    const auto kind = ComboBoxData::current<Step::Kind>(m_kind);
    m_pages->setCurrentIndex(m_kind->currentIndex());
    m_enabled->setEnabled(kind != Step::Kind::RepeatBegin && kind != Step::Kind::RepeatEnd);
    const auto match = ComboBoxData::current<ExpectMatch>(m_match);
    m_expectSpec->setTextOptionsEnabled(match != ExpectMatch::HexPattern, match < ExpectMatch::Regex);
}
