#include "sendpanel.h"

#include "bytes/hex.h"
#include "errortext.h"
#include "text/codecs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Past this many bytes the preview shows the start only: a label holding megabytes of hex would stall the GUI and
// nobody reads it anyway.
constexpr qsizetype PreviewLimit = 256;
// Below this size a rebuild is immediate (microseconds); above it a paste of megabytes is rebuilt once, from the
// event loop, instead of once per keystroke while the user is still typing.
constexpr int DeferThreshold = 64 * 1024;
constexpr int SummaryLength = 48;

template<typename T> void selectData(QComboBox *combo, T value)
{
    const int index = combo->findData(int(value));
    if (index >= 0)
        combo->setCurrentIndex(index);
}

template<typename T> T currentData(const QComboBox *combo)
{
    return T(combo->currentData().toInt());
}

} // namespace

SendPanel::SendPanel(QWidget *parent)
    : QWidget(parent)
{
    buildUi();
    fillCombos();

    m_rebuildTimer = new QTimer(this);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &SendPanel::rebuildNow);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &SendPanel::onTextEdited);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &SendPanel::onModeChanged);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &SendPanel::onOptionChanged);
    connect(m_escapes, &QCheckBox::toggled, this, &SendPanel::onOptionChanged);
    connect(m_lineEnding, &QComboBox::currentIndexChanged, this, &SendPanel::onOptionChanged);
    connect(m_checksum, &QComboBox::currentIndexChanged, this, &SendPanel::onChecksumChanged);
    connect(m_checksumOrder, &QComboBox::currentIndexChanged, this, &SendPanel::onOptionChanged);
    connect(m_sendButton, &QPushButton::clicked, this, &SendPanel::send);
    connect(m_historyCombo, &QComboBox::activated, this, [this](int index) {
        recallHistory(index);
        m_historyCombo->setCurrentIndex(-1); // back to the placeholder, so the same entry can be chosen again
        m_editor->setFocus();
    });
    m_editor->installEventFilter(this);

    setSpec(Payload::Spec());
    updateErrorColor();
    refreshHistoryCombo();
    rebuildNow();
}

void SendPanel::buildUi()
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto addCombo = [this](const QString &name, const QString &accessible, const QString &tip) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(name);
        combo->setAccessibleName(accessible);
        combo->setToolTip(tip);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        return combo;
    };
    auto addLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    m_mode = addCombo(QStringLiteral("sendMode"), tr("Send mode"),
        tr("Text: the text is encoded in the chosen encoding. Hex: bytes written as hex digits."));
    m_encoding = addCombo(
        QStringLiteral("sendEncoding"), tr("Send encoding"), tr("The encoding that turns the text into bytes"));
    m_escapes = new QCheckBox(tr("&Escapes \\r \\n \\xNN"), this);
    m_escapes->setObjectName(QStringLiteral("sendEscapes"));
    m_escapes->setAccessibleName(tr("Escapes"));
    m_escapes->setToolTip(tr("Read \\r \\n \\t \\\\ \\0 and \\xNN (a raw byte) as escapes. Text mode only."));
    m_lineEnding = addCombo(
        QStringLiteral("sendLineEnding"), tr("Line ending"), tr("Appended after the payload, before the checksum"));
    m_checksum = addCombo(QStringLiteral("sendChecksum"), tr("Checksum"),
        tr("Appended at the end, computed over all the bytes before it"));
    // Encoding names run up to "Big5-HKSCS" and would widen the whole row; the popup list still shows them in full.
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_encoding->setMinimumContentsLength(8);
    m_checksumOrder = addCombo(QStringLiteral("sendChecksumOrder"), tr("Checksum byte order"),
        tr("Byte order of a multi-byte checksum (Modbus RTU sends the low byte first)"));

    auto *options = new QHBoxLayout;
    options->addWidget(addLabel(tr("&Mode:"), m_mode));
    options->addWidget(m_mode);
    options->addSpacing(6);
    options->addWidget(addLabel(tr("E&ncoding:"), m_encoding));
    options->addWidget(m_encoding);
    options->addSpacing(6);
    options->addWidget(m_escapes);
    options->addSpacing(6);
    options->addWidget(addLabel(tr("&Line ending:"), m_lineEnding));
    options->addWidget(m_lineEnding);
    options->addSpacing(6);
    options->addWidget(addLabel(tr("Chec&ksum:"), m_checksum));
    options->addWidget(m_checksum);
    options->addWidget(m_checksumOrder);
    options->addStretch(1);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("sendEditor"));
    m_editor->setAccessibleName(tr("Data to send"));
    m_editor->setToolTip(tr("Ctrl+Enter sends; Ctrl+Up and Ctrl+Down walk through the history"));
    m_editor->setFont(fixed);
    // Tab moves the focus (keyboard users must be able to leave the box); a tab character is \t with escapes.
    m_editor->setTabChangesFocus(true);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("sendPreview"));
    m_preview->setAccessibleName(tr("Bytes to send"));
    m_preview->setToolTip(tr("The exact bytes Send writes, in hex"));
    m_preview->setFont(fixed);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_preview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_byteCount = new QLabel(this);
    m_byteCount->setObjectName(QStringLiteral("sendByteCount"));
    m_byteCount->setAccessibleName(tr("Byte count"));
    m_byteCount->setToolTip(tr("Number of bytes Send writes, checksum and line ending included"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sendError"));
    m_error->setAccessibleName(tr("Why the data cannot be sent"));
    m_error->setTextFormat(Qt::PlainText); // the message quotes the user's text
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_historyCombo = addCombo(QStringLiteral("sendHistory"), tr("Send history"),
        tr("Recently sent data, newest first: choose one to restore its text and options"));
    m_historyCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_historyCombo->setMinimumContentsLength(16);
    m_historyCombo->setPlaceholderText(tr("History"));

    m_sendButton = new QPushButton(tr("&Send"), this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAccessibleName(tr("Send"));

    auto *bottom = new QGridLayout;
    bottom->addWidget(m_preview, 0, 0);
    bottom->addWidget(m_byteCount, 0, 1);
    bottom->addWidget(m_historyCombo, 0, 2);
    bottom->addWidget(m_sendButton, 0, 3);
    bottom->addWidget(m_error, 1, 0, 1, 4);
    bottom->setColumnStretch(0, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(options);
    layout->addWidget(m_editor, 1);
    layout->addLayout(bottom);
}

void SendPanel::fillCombos()
{
    m_mode->addItem(tr("Text"), int(Payload::Mode::Text));
    m_mode->addItem(tr("Hex"), int(Payload::Mode::Hex));
    for (const QByteArray &name : Codecs::available())
        m_encoding->addItem(QString::fromLatin1(name), name);
    for (auto ending :
        {Payload::LineEnding::None, Payload::LineEnding::CR, Payload::LineEnding::LF, Payload::LineEnding::CRLF})
        m_lineEnding->addItem(lineEndingName(ending), int(ending));
    for (Checksum::Algorithm algorithm : Checksum::all())
        m_checksum->addItem(checksumName(algorithm), int(algorithm));
    m_checksumOrder->addItem(tr("Big-endian"), int(Checksum::ByteOrder::BigEndian));
    m_checksumOrder->addItem(tr("Little-endian"), int(Checksum::ByteOrder::LittleEndian));
}

QString SendPanel::checksumName(Checksum::Algorithm algorithm)
{
    switch (algorithm) {
    case Checksum::Algorithm::None:
        return tr("None", "checksum");
    case Checksum::Algorithm::Sum8:
        return tr("SUM8");
    case Checksum::Algorithm::Xor8:
        return tr("XOR8");
    case Checksum::Algorithm::Crc8:
        return tr("CRC-8");
    case Checksum::Algorithm::Crc16Modbus:
        return tr("CRC-16/MODBUS");
    case Checksum::Algorithm::Crc16CcittFalse:
        return tr("CRC-16/CCITT-FALSE");
    case Checksum::Algorithm::Crc32:
        return tr("CRC-32");
    }
    return {};
}

QString SendPanel::lineEndingName(Payload::LineEnding ending)
{
    switch (ending) {
    case Payload::LineEnding::None:
        return tr("None", "line ending");
    case Payload::LineEnding::CR:
        return tr("CR");
    case Payload::LineEnding::LF:
        return tr("LF");
    case Payload::LineEnding::CRLF:
        return tr("CRLF");
    }
    return {};
}

Payload::Spec SendPanel::spec() const
{
    Payload::Spec spec;
    spec.mode = currentData<Payload::Mode>(m_mode);
    spec.encoding = m_encoding->currentData().toByteArray();
    spec.escapes = m_escapes->isChecked();
    spec.lineEnding = currentData<Payload::LineEnding>(m_lineEnding);
    spec.checksum = currentData<Checksum::Algorithm>(m_checksum);
    spec.checksumOrder = currentData<Checksum::ByteOrder>(m_checksumOrder);
    return spec;
}

void SendPanel::setSpec(const Payload::Spec &spec)
{
    const Payload::Spec before = this->spec();
    const QList<QWidget *> widgets {m_mode, m_encoding, m_escapes, m_lineEnding, m_checksum, m_checksumOrder};
    for (QWidget *widget : widgets)
        widget->blockSignals(true);

    selectData(m_mode, spec.mode);
    int encoding = m_encoding->findData(spec.encoding);
    for (int i = 0; encoding < 0 && i < m_encoding->count(); ++i) {
        if (m_encoding->itemData(i).toByteArray().compare(spec.encoding, Qt::CaseInsensitive) == 0)
            encoding = i;
    }
    if (encoding < 0) { // kept visible, so the spec round-trips and the error says the encoding is missing
        m_encoding->addItem(QString::fromLatin1(spec.encoding), spec.encoding);
        encoding = m_encoding->count() - 1;
    }
    m_encoding->setCurrentIndex(encoding);
    m_escapes->setChecked(spec.escapes);
    selectData(m_lineEnding, spec.lineEnding);
    selectData(m_checksum, spec.checksum);
    selectData(m_checksumOrder, spec.checksumOrder);

    for (QWidget *widget : widgets)
        widget->blockSignals(false);

    m_shownMode = spec.mode;
    m_escapes->setEnabled(spec.mode == Payload::Mode::Text);
    m_checksumOrder->setEnabled(Checksum::width(spec.checksum) > 1);
    m_editor->setPlaceholderText(
        spec.mode == Payload::Mode::Hex ? tr("Hex bytes, e.g. 01 03 00 00 00 0A") : tr("Text to send"));
    scheduleRebuild();
    if (!(before == this->spec()))
        Q_EMIT specChanged();
}

QString SendPanel::text() const
{
    return m_editor->toPlainText();
}

void SendPanel::setText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->moveCursor(QTextCursor::End);
}

const Payload::Result &SendPanel::payload() const
{
    ensureBuilt();
    return m_result;
}

void SendPanel::setPeerAvailable(bool available)
{
    m_peerAvailable = available;
    updateSendButton();
}

void SendPanel::onTextEdited()
{
    if (!m_applying)
        m_historyPos = -1; // the edited text is the user's draft now
    scheduleRebuild();
}

void SendPanel::onOptionChanged()
{
    scheduleRebuild();
    Q_EMIT specChanged();
}

void SendPanel::onChecksumChanged()
{
    const auto algorithm = currentData<Checksum::Algorithm>(m_checksum);
    // A new algorithm starts in the order its protocols use, so CRC-16/MODBUS is right without a second click.
    m_checksumOrder->blockSignals(true);
    selectData(m_checksumOrder, Checksum::naturalOrder(algorithm));
    m_checksumOrder->blockSignals(false);
    m_checksumOrder->setEnabled(Checksum::width(algorithm) > 1);
    onOptionChanged();
}

void SendPanel::onModeChanged()
{
    const auto mode = currentData<Payload::Mode>(m_mode);
    if (mode == m_shownMode)
        return;
    Payload::Spec textOnly = spec();
    textOnly.mode = Payload::Mode::Text;
    textOnly.lineEnding = Payload::LineEnding::None;
    textOnly.checksum = Checksum::Algorithm::None;
    const QString current = text();
    QString converted;
    if (mode == Payload::Mode::Hex) {
        const Payload::Result result = Payload::build(current, textOnly);
        if (result.ok())
            converted = Hex::format(result.bytes);
    } else {
        const Hex::ParseResult hex = Hex::parse(current);
        if (hex.ok() && !hex.bytes.isEmpty()) {
            QString decoded = Codecs::decode(hex.bytes, textOnly.encoding);
            if (textOnly.escapes)
                decoded.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            // Only when nothing is lost: a byte the encoding cannot decode must not silently become U+FFFD.
            if (Payload::build(decoded, textOnly).bytes == hex.bytes)
                converted = decoded;
        }
    }
    m_shownMode = mode;
    if (!converted.isNull()) {
        m_applying = true;
        setText(converted);
        m_applying = false;
    }
    m_escapes->setEnabled(mode == Payload::Mode::Text);
    m_editor->setPlaceholderText(
        mode == Payload::Mode::Hex ? tr("Hex bytes, e.g. 01 03 00 00 00 0A") : tr("Text to send"));
    onOptionChanged();
}

void SendPanel::scheduleRebuild()
{
    m_dirty = true;
    if (m_editor->document()->characterCount() > DeferThreshold)
        m_rebuildTimer->start(); // restarting coalesces a burst of edits into one rebuild
    else
        rebuildNow();
}

void SendPanel::ensureBuilt() const
{
    if (!m_dirty)
        return;
    m_result = Payload::build(m_editor->toPlainText(), spec());
    m_dirty = false;
}

void SendPanel::rebuildNow()
{
    m_rebuildTimer->stop();
    ensureBuilt();
    showResult();
}

void SendPanel::showResult()
{
    const QByteArray &bytes = m_result.bytes;
    if (m_result.ok()) {
        QString preview = Hex::format(QByteArrayView(bytes).first(qMin(bytes.size(), PreviewLimit)));
        if (bytes.size() > PreviewLimit)
            preview += QLatin1Char(' ') + tr("\u2026 (%n bytes)", nullptr, int(qMin<qsizetype>(bytes.size(), INT_MAX)));
        m_preview->setText(preview);
    } else {
        m_preview->clear();
    }
    const int count = int(qMin<qsizetype>(m_result.ok() ? bytes.size() : 0, INT_MAX));
    m_byteCount->setText(count == 1 ? tr("1 byte") : tr("%n bytes", nullptr, count));

    m_errorText = ErrorText::payload(m_result, m_editor->toPlainText());
    // An empty box is where everyone starts, not a mistake: it only disables Send (the tooltip says why).
    const bool showError = !m_result.ok() && m_result.error != Payload::Error::Empty;
    m_error->setText(showError ? m_errorText : QString());
    m_error->setVisible(showError);

    QList<QTextEdit::ExtraSelection> marks;
    if (showError && m_result.errorPos >= 0 && m_result.errorPos < m_editor->document()->characterCount() - 1) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_editor->document());
        mark.cursor.setPosition(int(m_result.errorPos));
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(m_error->palette().color(QPalette::WindowText));
        marks.append(mark);
    }
    m_editor->setExtraSelections(marks);
    updateSendButton();
}

void SendPanel::updateSendButton()
{
    m_sendButton->setEnabled(m_peerAvailable && m_result.ok());
    if (!m_peerAvailable)
        m_sendButton->setToolTip(tr("Not connected"));
    else if (!m_result.ok())
        m_sendButton->setToolTip(m_errorText);
    else
        m_sendButton->setToolTip(tr("Send these bytes (Ctrl+Enter)"));
}

void SendPanel::updateErrorColor()
{
    // QPalette has no error role in Qt 6.4: pick a red with enough contrast against the actual background.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(errorPalette);
}

void SendPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_error)
        updateErrorColor();
    QWidget::changeEvent(event);
}

void SendPanel::send()
{
    if (m_dirty)
        rebuildNow();
    if (!m_peerAvailable || !m_result.ok())
        return;
    const QByteArray bytes = m_result.bytes;
    addToHistory({text(), spec()});
    Q_EMIT sendRequested(bytes);
}

bool SendPanel::eventFilter(QObject *watched, QEvent *event)
{
    const bool keyEvent = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    if (watched == m_editor && keyEvent) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int code = key->key();
        const bool ours = (key->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier
            && (code == Qt::Key_Return || code == Qt::Key_Enter || code == Qt::Key_Up || code == Qt::Key_Down);
        if (ours && event->type() == QEvent::ShortcutOverride) {
            event->accept(); // the editor's keys win over any window shortcut on the same keys
            return true;
        }
        if (ours) {
            if (code == Qt::Key_Up)
                walkHistory(+1);
            else if (code == Qt::Key_Down)
                walkHistory(-1);
            else
                send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SendPanel::addToHistory(const HistoryEntry &entry)
{
    m_history.removeIf([&entry](const HistoryEntry &e) { return e.text == entry.text && e.spec == entry.spec; });
    m_history.prepend(entry);
    if (m_history.size() > MaxHistory)
        m_history.resize(MaxHistory);
    m_historyPos = -1;
    refreshHistoryCombo();
}

void SendPanel::setHistory(const QList<HistoryEntry> &entries)
{
    m_history.clear();
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        addToHistory(*it); // oldest first, so de-duplication keeps the newest copy on top
}

void SendPanel::refreshHistoryCombo()
{
    m_historyCombo->clear();
    for (const HistoryEntry &entry : std::as_const(m_history)) {
        m_historyCombo->addItem(summary(entry));
        m_historyCombo->setItemData(m_historyCombo->count() - 1, entry.text, Qt::ToolTipRole);
    }
    m_historyCombo->setCurrentIndex(-1);
    m_historyCombo->setEnabled(!m_history.isEmpty());
}

QString SendPanel::summary(const HistoryEntry &entry) const
{
    QString line = entry.text.simplified();
    if (line.size() > SummaryLength)
        line = line.left(SummaryLength - 1) + QChar(0x2026);
    QStringList tags;
    if (entry.spec.mode == Payload::Mode::Hex)
        tags << tr("Hex");
    else if (entry.spec.encoding != Codecs::defaultEncoding())
        tags << QString::fromLatin1(entry.spec.encoding);
    if (entry.spec.lineEnding != Payload::LineEnding::None)
        tags << lineEndingName(entry.spec.lineEnding);
    if (entry.spec.checksum != Checksum::Algorithm::None)
        tags << checksumName(entry.spec.checksum);
    return tags.isEmpty() ? line : tr("%1  (%2)").arg(line, tags.join(QLatin1String(", ")));
}

void SendPanel::recallHistory(int index)
{
    if (index < 0 || index >= m_history.size())
        return;
    if (m_historyPos < 0)
        m_draft = {text(), spec()};
    m_historyPos = index;
    applyEntry(m_history.at(index));
}

void SendPanel::walkHistory(int step)
{
    const int target = m_historyPos + step;
    if (target >= m_history.size() || target < -1)
        return;
    if (target == -1) {
        m_historyPos = -1;
        applyEntry(m_draft);
    } else {
        recallHistory(target);
    }
}

void SendPanel::applyEntry(const HistoryEntry &entry)
{
    m_applying = true;
    setSpec(entry.spec);
    setText(entry.text);
    m_applying = false;
}
