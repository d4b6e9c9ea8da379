#include "sendpanel.h"

#include "bytes/hex.h"
#include "errortext.h"
#include "payloadoptionsbar.h"
#include "payloadpreview.h"
#include "quickcommandspanel.h"
#include "text/codecs.h"
#include "timedsend.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Below this size a rebuild is immediate (microseconds); above it a paste of megabytes is rebuilt once, from the
// event loop, instead of once per keystroke while the user is still typing.
constexpr int DeferThreshold = 64 * 1024;

// The editor's text written for the other mode, or a null string when that would lose or invent bytes.
QString convertForMode(const QString &current, Payload::Spec textOnly, Payload::Mode mode)
{
    textOnly.mode = Payload::Mode::Text;
    textOnly.lineEnding = Payload::LineEnding::None;
    textOnly.checksum = Checksum::Algorithm::None;
    if (mode == Payload::Mode::Hex) {
        const Payload::Result result = Payload::build(current, textOnly);
        return result.ok() ? Hex::format(result.bytes) : QString();
    }
    const Hex::ParseResult hex = Hex::parse(current);
    if (!hex.ok() || hex.bytes.isEmpty())
        return {};
    QString decoded = Codecs::decode(hex.bytes, textOnly.encoding);
    if (textOnly.escapes)
        decoded.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    // Only when nothing is lost: a byte the encoding cannot decode must not silently become U+FFFD.
    return Payload::build(decoded, textOnly).bytes == hex.bytes ? decoded : QString();
}

} // namespace

SendPanel::SendPanel(QWidget *parent)
    : QWidget(parent)
    , m_history(this)
{
    buildUi();
    connectParts();
    updatePlaceholder();
    rebuildNow();
}

void SendPanel::buildUi()
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_options = new PayloadOptionsBar(QStringLiteral("send"), this);

    m_quickToggle = new QToolButton(this);
    m_quickToggle->setObjectName(QStringLiteral("quickCommandsToggle"));
    m_quickToggle->setText(tr("&Quick commands"));
    m_quickToggle->setAccessibleName(tr("Show quick commands"));
    m_quickToggle->setToolTip(tr("Show or hide the list of named payloads"));
    m_quickToggle->setCheckable(true);
    m_quickToggle->setChecked(true);
    m_quickToggle->setAutoRaise(true);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("sendEditor"));
    m_editor->setAccessibleName(tr("Data to send"));
    m_editor->setToolTip(tr("Ctrl+Enter sends; Ctrl+Up and Ctrl+Down walk through the history"));
    m_editor->setFont(fixed);
    // Tab moves the focus (keyboard users must be able to leave the box); a tab character is \t with escapes.
    m_editor->setTabChangesFocus(true);

    m_quick = new QuickCommandsPanel(this);
    m_quick->setObjectName(QStringLiteral("quickCommandsPanel"));

    auto *middle = new QSplitter(Qt::Horizontal, this);
    middle->setObjectName(QStringLiteral("sendQuickSplitter")); // its sizes are kept with the window's splitters
    middle->setChildrenCollapsible(false);
    middle->addWidget(m_editor);
    middle->addWidget(m_quick);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 1);

    m_preview = new PayloadPreview(this);
    m_preview->setObjectName(QStringLiteral("sendPreviewArea"));

    m_sendButton = new QPushButton(tr("&Send"), this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAccessibleName(tr("Send"));

    m_timed = new TimedSend(this);
    m_timed->setObjectName(QStringLiteral("timedSend"));
    m_file = new FileSendControl(this);
    m_file->setObjectName(QStringLiteral("fileSend"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_options, 1);
    top->addWidget(m_quickToggle);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_preview, 1);
    bottom->addWidget(m_history.combo(), 0, Qt::AlignTop);
    bottom->addWidget(m_sendButton, 0, Qt::AlignTop);

    auto *extras = new QHBoxLayout;
    extras->addWidget(m_timed, 1);
    extras->addWidget(m_file);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(middle, 1);
    layout->addLayout(bottom);
    layout->addLayout(extras);
}

void SendPanel::connectParts()
{
    m_rebuildTimer = new QTimer(this);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &SendPanel::rebuildNow);

    connect(m_editor, &QPlainTextEdit::textChanged, this, &SendPanel::onTextEdited);
    connect(m_options, &PayloadOptionsBar::modeChanged, this, &SendPanel::onModeChanged);
    connect(m_options, &PayloadOptionsBar::optionChanged, this, &SendPanel::onOptionChanged);
    connect(m_sendButton, &QPushButton::clicked, this, &SendPanel::send);
    connect(m_history.combo(), &QComboBox::activated, this, [this](int index) {
        recallHistory(index);
        m_history.combo()->setCurrentIndex(-1); // back to the placeholder, so the same entry can be chosen again
        m_editor->setFocus();
    });
    m_editor->installEventFilter(this);

    connect(m_timed, &TimedSend::tick, this, &SendPanel::onTimedTick);
    connect(m_timed, &TimedSend::started, this, [this](const QString &description) {
        m_history.add({text(), spec()});
        Q_EMIT logNote(description);
    });
    connect(m_timed, &TimedSend::stopped, this, &SendPanel::timedSendStopped);

    m_quick->setEditorSource([this] { return QuickCommand {QString(), text(), spec()}; });
    connect(m_quick, &QuickCommandsPanel::sendRequested, this, [this](const QByteArray &bytes) {
        if (m_peerAvailable)
            Q_EMIT sendRequested(bytes);
    });
    connect(m_quick, &QuickCommandsPanel::commandsChanged, this, &SendPanel::quickCommandsChanged);
    connect(m_quickToggle, &QToolButton::toggled, m_quick, &QWidget::setVisible);
    // Window-wide, so they work from the log too; only the visible tab's panel is active (Qt skips hidden widgets).
    for (int i = 0; i < QuickCommandsPanel::ShortcutCount; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        shortcut->setObjectName(QStringLiteral("quickCommandShortcut%1").arg(i + 1));
        connect(shortcut, &QShortcut::activated, m_quick, [this, i] { m_quick->send(i); });
    }

    connect(m_file, &FileSendControl::started, this, &SendPanel::logNote);
    connect(m_file, &FileSendControl::ended, this, &SendPanel::logNote);
}

Payload::Spec SendPanel::spec() const
{
    return m_options->spec();
}

void SendPanel::setSpec(const Payload::Spec &spec)
{
    const Payload::Spec before = this->spec();
    m_options->setSpec(spec);
    m_shownMode = spec.mode;
    updatePlaceholder();
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
    m_quick->setSendEnabled(available);
    m_file->setPeerAvailable(available);
    if (!available)
        m_timed->stop(TimedSend::StopReason::NoPeer);
    updateSendButton();
}

QList<QuickCommand> SendPanel::quickCommandList() const
{
    return m_quick->commands();
}

void SendPanel::setQuickCommands(const QList<QuickCommand> &commands)
{
    m_quick->setCommands(commands);
}

void SendPanel::setSharedQuickCommands(QuickCommandStore *shared)
{
    m_quick->setSharedStore(shared);
}

bool SendPanel::showsSharedQuickCommands() const
{
    return m_quick->showsShared();
}

void SendPanel::setShowsSharedQuickCommands(bool shared)
{
    m_quick->setShowsShared(shared);
}

bool SendPanel::isQuickCommandsVisible() const
{
    return m_quickToggle->isChecked();
}

void SendPanel::setQuickCommandsVisible(bool visible)
{
    m_quickToggle->setChecked(visible);
}

void SendPanel::setSizeLimit(qsizetype maxBytes, qsizetype noteAbove)
{
    m_preview->setSizeLimit(maxBytes, noteAbove);
    if (!m_dirty)
        showResult();
}

void SendPanel::setFileTarget(Session *session, FileSendControl::TargetsFunction targets)
{
    m_file->setTarget(session, std::move(targets));
}

void SendPanel::onTextEdited()
{
    if (!m_applying)
        m_history.leaveWalk(); // the edited text is the user's draft now
    scheduleRebuild();
}

void SendPanel::onOptionChanged()
{
    scheduleRebuild();
    Q_EMIT specChanged();
}

void SendPanel::onModeChanged()
{
    const Payload::Spec current = spec();
    if (current.mode == m_shownMode)
        return;
    const QString converted = convertForMode(text(), current, current.mode);
    m_shownMode = current.mode;
    if (!converted.isNull()) {
        m_applying = true;
        setText(converted);
        m_applying = false;
    }
    updatePlaceholder();
    onOptionChanged();
}

void SendPanel::updatePlaceholder()
{
    m_editor->setPlaceholderText(
        m_shownMode == Payload::Mode::Hex ? tr("Hex bytes, e.g. 01 03 00 00 00 0A") : tr("Text to send"));
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
    m_errorText = m_preview->setResult(m_result, m_editor->toPlainText());
    const bool showError = !m_result.ok() && m_result.error != Payload::Error::Empty;
    QList<QTextEdit::ExtraSelection> marks;
    if (showError && m_result.errorPos >= 0 && m_result.errorPos < m_editor->document()->characterCount() - 1) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_editor->document());
        mark.cursor.setPosition(int(m_result.errorPos));
        mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(m_preview->errorColor());
        marks.append(mark);
    }
    m_editor->setExtraSelections(marks);
    updateSendButton();
}

void SendPanel::updateSendButton()
{
    const bool ready = m_peerAvailable && sendable();
    m_sendButton->setEnabled(ready);
    const QString whyNot = !m_peerAvailable ? tr("Not connected") : m_errorText;
    m_sendButton->setToolTip(ready ? tr("Send these bytes (Ctrl+Enter)") : whyNot);
    m_timed->setStartable(ready, whyNot);
}

void SendPanel::send()
{
    if (m_dirty)
        rebuildNow();
    if (!m_peerAvailable || !sendable())
        return;
    const QByteArray bytes = m_result.bytes;
    m_history.add({text(), spec()});
    Q_EMIT sendRequested(bytes);
}

void SendPanel::onTimedTick()
{
    // The current payload, checked again: the user may have edited it since the last tick.
    if (m_dirty)
        rebuildNow();
    if (!m_peerAvailable)
        m_timed->stop(TimedSend::StopReason::NoPeer);
    else if (!sendable())
        m_timed->stop(TimedSend::StopReason::InvalidPayload, m_errorText);
    if (!m_timed->isRunning())
        return;
    Q_EMIT sendRequested(m_result.bytes);
    m_timed->countSent();
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

void SendPanel::recallHistory(int index)
{
    if (const auto entry = m_history.recall(index, {text(), spec()}))
        applyEntry(*entry);
}

void SendPanel::walkHistory(int step)
{
    if (const auto entry = m_history.walk(step, {text(), spec()}))
        applyEntry(*entry);
}

void SendPanel::applyEntry(const HistoryEntry &entry)
{
    m_applying = true;
    setSpec(entry.spec);
    setText(entry.text);
    m_applying = false;
}
