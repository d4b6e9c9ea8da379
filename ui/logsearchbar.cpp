#include "logsearchbar.h"

#include "bytes/hex.h"
#include "log/transcript.h"
#include "logview.h"
#include "statuscolors.h"
#include "widgetnames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

LogSearchBar::LogSearchBar(LogView *view, Transcript *transcript, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_transcript(transcript)
    , m_search(new LogSearch(view, transcript, this))
{
    setObjectName(QStringLiteral("logSearchBar"));
    buildUi();
    m_typing.setSingleShot(true);
    m_typing.setInterval(TypingDelayMs);
    connect(&m_typing, &QTimer::timeout, this, [this] { find(true, LogSearch::Origin::FromMatch); });
    connect(m_search, &LogSearch::found, this,
        [this](bool wrapped) { showStatus(wrapped ? tr("Wrapped around") : QString(), false); });
    connect(m_search, &LogSearch::notFound, this, [this] { showStatus(tr("Not found"), true); });
    connect(m_transcript, &Transcript::appended, this, [this](qint64 seq) {
        // Peers are interned in order, one per record at most: one comparison per record.
        if (!m_peerFilter)
            return;
        const Record *record = m_transcript->bySeq(seq);
        if (!record || record->peer <= m_peersSeen)
            return;
        // A record interns at most one new peer, its own. The server's own listen address is not a client.
        m_peersSeen = record->peer;
        if (record->event == EventKind::Listening)
            return;
        m_unlistedPeers.append(record->peer);
        if (!isHidden()) // the bar is open
            listPeers();
    });
    hide();
}

void LogSearchBar::buildUi()
{
    m_query = named(new QLineEdit, "logSearch", tr("Find in log"),
        tr("Text to find in the log as shown, or hex bytes to find in the received and sent data"));
    m_query->setPlaceholderText(tr("Find…"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    m_mode = named(new QComboBox, "logSearchMode", tr("Find mode"),
        tr("Text: find in the rows as shown. Hex: find bytes in the raw data, e.g. 01 03"));
    m_mode->addItem(tr("Text"), int(LogSearch::Mode::Text));
    m_mode->addItem(tr("Hex"), int(LogSearch::Mode::Hex));

    auto button = [](const QString &text) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setAutoRaise(true);
        return b;
    };
    m_previous = named(button(tr("Previous")), "logSearchPrevious", tr("Find previous"),
        tr("Find the previous match (Shift+Enter, Shift+F3)"));
    m_next = named(button(tr("Next")), "logSearchNext", tr("Find next"), tr("Find the next match (Enter, F3)"));
    m_status = valueLabel(new QLabel, "logSearchStatus", tr("Find result"), QString());
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("Wrapped around")) + 8);

    m_showRx = named(new QCheckBox(tr("RX")), "logFilterRx", tr("Show received"), tr("Show received data"));
    m_showTx = named(new QCheckBox(tr("TX")), "logFilterTx", tr("Show sent"), tr("Show sent data"));
    m_showEvents = named(new QCheckBox(tr("Events")), "logFilterEvents", tr("Show events"),
        tr("Show connections, disconnections, errors and notes"));
    for (QCheckBox *check : {m_showRx, m_showTx, m_showEvents})
        check->setChecked(true);
    m_peer = named(new QComboBox, "logFilterPeer", tr("Show client"), tr("Show only the records of one client"));
    m_peer->addItem(tr("All clients"), 0u);
    // Not AdjustToContents: that measures every item again each time one is added (10,000 clients: 45 % of the GUI
    // thread while they connected).
    m_peer->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_peer->setMinimumContentsLength(QStringLiteral("255.255.255.255:65535").size());
    m_peer->setVisible(false);
    m_close = named(button(QStringLiteral("\u2715")), "logSearchClose", tr("Close find bar"),
        tr("Close the find bar and show every record again (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_query, 2);
    layout->addWidget(m_mode);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Show:")));
    layout->addWidget(m_showRx);
    layout->addWidget(m_showTx);
    layout->addWidget(m_showEvents);
    layout->addWidget(m_peer);
    layout->addStretch(1);
    layout->addWidget(m_close);

    connect(m_query, &QLineEdit::textEdited, this, &LogSearchBar::onQueryEdited);
    connect(m_query, &QLineEdit::returnPressed, this, &LogSearchBar::findNext);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &LogSearchBar::onQueryEdited);
    connect(m_next, &QToolButton::clicked, this, &LogSearchBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &LogSearchBar::findPrevious);
    connect(m_close, &QToolButton::clicked, this, &LogSearchBar::closeBar);
    for (QCheckBox *check : {m_showRx, m_showTx, m_showEvents})
        connect(check, &QCheckBox::toggled, this, &LogSearchBar::applyFilters);
    connect(m_peer, &QComboBox::currentIndexChanged, this, &LogSearchBar::applyFilters);
}

void LogSearchBar::setPeerFilterEnabled(bool on)
{
    m_peerFilter = on;
    m_peer->setVisible(on);
    // Peers the transcript interned before (normally none: this is set up with the page).
    for (quint32 peer = m_peersSeen + 1; on && !m_transcript->peerName(peer).isEmpty(); ++peer) {
        m_unlistedPeers.append(peer);
        m_peersSeen = peer;
    }
}

// Clients are added to the combo box only while the bar is shown: 10,000 clients arriving would otherwise cost an
// item each in a widget nobody looks at.
void LogSearchBar::listPeers()
{
    for (const quint32 peer : std::as_const(m_unlistedPeers))
        m_peer->addItem(m_transcript->peerName(peer), peer);
    m_unlistedPeers.clear();
}

void LogSearchBar::openBar()
{
    listPeers();
    show();
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void LogSearchBar::closeBar()
{
    m_search->cancel();
    m_typing.stop();
    m_view->clearMatch();
    m_search->forgetMatch();
    showStatus(QString(), false);
    for (QCheckBox *check : {m_showRx, m_showTx, m_showEvents}) {
        const QSignalBlocker blocker(check);
        check->setChecked(true);
    }
    {
        const QSignalBlocker blocker(m_peer);
        m_peer->setCurrentIndex(0);
    }
    applyFilters();
    hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

void LogSearchBar::findNext()
{
    find(true, LogSearch::Origin::AfterMatch);
}

void LogSearchBar::findPrevious()
{
    find(false, LogSearch::Origin::AfterMatch);
}

void LogSearchBar::onQueryEdited()
{
    // Hex queries are cheap (raw bytes); text rows must be rendered, so wait for a pause in the typing.
    m_search->cancel();
    m_typing.start();
}

void LogSearchBar::find(bool forward, LogSearch::Origin origin)
{
    m_typing.stop();
    const QString query = m_query->text();
    const auto mode = LogSearch::Mode(m_mode->currentData().toInt());
    if (query.isEmpty()) {
        m_search->cancel();
        m_view->clearMatch();
        showStatus(QString(), false);
        return;
    }
    if (mode == LogSearch::Mode::Hex) {
        const Hex::ParseResult parsed = Hex::parse(query);
        if (!parsed.ok()) {
            m_search->cancel();
            showStatus(tr("Not valid hex"), true);
            return;
        }
    }
    showStatus(tr("Searching…"), false);
    m_search->find(query, mode, forward, origin);
}

void LogSearchBar::applyFilters()
{
    RenderOptions options = m_view->options();
    options.showRx = m_showRx->isChecked();
    options.showTx = m_showTx->isChecked();
    options.showEvents = m_showEvents->isChecked();
    options.onlyPeer = m_peer->currentData().toUInt();
    if (options != m_view->options())
        m_view->setOptions(options);
}

void LogSearchBar::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    StatusColors::mark(m_status, problem ? StatusColors::Error : StatusColors::Normal);
}

bool LogSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            closeBar();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
