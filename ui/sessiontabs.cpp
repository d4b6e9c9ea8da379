#include "sessiontabs.h"

#include "log/sessionrecorder.h"
#include "log/transcript.h"
#include "sendpanel.h"
#include "sessionpage.h"
#include "tabkinds.h"
#include "windowsettings.h"

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QTabBar>

namespace {

QIcon stateIcon(Session::State state)
{
    // Grey: closed; amber: on its way (connecting, closing); green: open (connected, listening, bound).
    static const QIcon icons[] = {
        [] {
            QPixmap pixmap(12, 12);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 1.5));
            painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
            return QIcon(pixmap);
        }(),
        [] {
            QPixmap pixmap(12, 12);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0xe0, 0xa0, 0x00));
            painter.drawEllipse(QRectF(1, 1, 10, 10));
            return QIcon(pixmap);
        }(),
        [] {
            QPixmap pixmap(12, 12);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0x2e, 0x9e, 0x44));
            painter.drawEllipse(QRectF(1, 1, 10, 10));
            return QIcon(pixmap);
        }(),
    };
    switch (state) {
    case Session::State::Idle:
        return icons[0];
    case Session::State::Opening:
    case Session::State::Closing:
        return icons[1];
    case Session::State::Open:
        return icons[2];
    }
    return icons[0];
}

QString stateWord(const Session &session)
{
    switch (session.state()) {
    case Session::State::Idle:
        return SessionTabs::tr("closed");
    case Session::State::Opening:
        return SessionTabs::tr("opening");
    case Session::State::Closing:
        return SessionTabs::tr("closing");
    case Session::State::Open:
        break;
    }
    switch (session.traits().role) {
    case Session::Role::Connect:
        return SessionTabs::tr("connected");
    case Session::Role::Listen:
        return SessionTabs::tr("listening");
    case Session::Role::Bind:
        return SessionTabs::tr("bound");
    }
    return {};
}

} // namespace

SessionTabs::SessionTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("mainTabs"));
    setAccessibleName(tr("Sessions"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTabWidget::tabCloseRequested, this, &SessionTabs::requestClose);
    connect(this, &QTabWidget::currentChanged, this, &SessionTabs::onCurrentChanged);
    connect(tabBar(), &QTabBar::tabBarDoubleClicked, this, &SessionTabs::startRename);
    connect(tabBar(), &QTabBar::customContextMenuRequested, this, &SessionTabs::showContextMenu);
    connect(tabBar(), &QTabBar::tabMoved, this, &SessionTabs::pagesChanged);
    // Counted from the transcripts' counters a few times a second: nothing is done per received record.
    m_unreadTimer.setInterval(UnreadIntervalMs);
    connect(&m_unreadTimer, &QTimer::timeout, this, &SessionTabs::countUnread);
    m_unreadTimer.start();
}

SessionPage *SessionTabs::addPage(const QByteArray &kind)
{
    SessionPage *page = TabKinds::create(kind, this);
    if (!page)
        return nullptr;
    TabState state;
    state.seenRx = page->transcript()->counters().rxMessages;
    m_state.insert(page, state);
    addTab(page, QString());
    watch(page);
    decorate(page);
    Q_EMIT pagesChanged();
    return page;
}

void SessionTabs::watch(SessionPage *page)
{
    page->sendPanel()->setSharedQuickCommands(&m_sharedQuick);
    connect(page, &SessionPage::titleChanged, this, [this, page] { decorate(page); });
    connect(page->session(), &Session::stateChanged, this, [this, page] { decorate(page); });
}

bool SessionTabs::addDeferred(
    const QByteArray &kind, const QSettings &settings, const QString &group, const QString &title)
{
    if (!TabKinds::isKnown(kind))
        return false;
    auto *placeholder = new QWidget(this);
    placeholder->setObjectName(QStringLiteral("tabPlaceholder"));
    m_deferred.insert(placeholder, {kind, settings.fileName(), settings.format(), group, title});
    m_state.insert(placeholder, {});
    // Added while another tab is current: the placeholder is not shown, so it is not built yet.
    const QSignalBlocker blocker(this);
    addTab(placeholder, QString());
    decorate(placeholder);
    Q_EMIT pagesChanged();
    return true;
}

SessionPage *SessionTabs::build(int index)
{
    QWidget *placeholder = widget(index);
    const auto it = m_deferred.constFind(placeholder);
    if (it == m_deferred.constEnd())
        return qobject_cast<SessionPage *>(placeholder);
    const Deferred deferred = *it;
    m_deferred.erase(it);
    SessionPage *page = TabKinds::create(deferred.kind, this);
    TabState state = m_state.take(placeholder);
    {
        // The swap is no change of the current tab for anyone listening.
        const QSignalBlocker blocker(this);
        const bool current = currentIndex() == index;
        insertTab(index, page, QString());
        removeTab(index + 1);
        if (current)
            setCurrentIndex(index);
    }
    placeholder->deleteLater();
    watch(page); // first: the restored settings may show the shared quick commands
    QSettings settings(deferred.file, deferred.format);
    settings.beginGroup(deferred.group);
    WindowSettings::restorePage(*page, settings);
    state.seenRx = page->transcript()->counters().rxMessages;
    m_state.insert(page, state);
    decorate(page);
    return page;
}

QList<SessionPage *> SessionTabs::pages()
{
    QList<SessionPage *> list;
    for (int i = 0; i < count(); ++i)
        list.append(page(i));
    return list;
}

SessionPage *SessionTabs::page(int index)
{
    return index >= 0 && index < count() ? build(index) : nullptr;
}

SessionPage *SessionTabs::currentPage()
{
    return page(currentIndex());
}

SessionPage *SessionTabs::builtPage(int index) const
{
    return qobject_cast<SessionPage *>(widget(index));
}

QByteArray SessionTabs::kindAt(int index) const
{
    if (const Deferred *d = deferred(index))
        return d->kind;
    const SessionPage *p = builtPage(index);
    return p ? p->kind() : QByteArray();
}

const SessionTabs::Deferred *SessionTabs::deferred(int index) const
{
    const auto it = m_deferred.constFind(widget(index));
    return it == m_deferred.constEnd() ? nullptr : &*it;
}

QString SessionTabs::customName(int index) const
{
    return m_state.value(widget(index)).customName;
}

void SessionTabs::setCustomName(int index, const QString &name)
{
    QWidget *tab = widget(index);
    if (!tab)
        return;
    m_state[tab].customName = name.trimmed();
    decorate(tab);
    Q_EMIT pagesChanged();
}

bool SessionTabs::openAtStart(int index) const
{
    return m_state.value(widget(index)).openAtStart;
}

void SessionTabs::setOpenAtStart(int index, bool on)
{
    if (QWidget *tab = widget(index))
        m_state[tab].openAtStart = on;
}

qint64 SessionTabs::unread(int index) const
{
    return m_state.value(widget(index)).unread;
}

void SessionTabs::decorate(QWidget *tab)
{
    const int index = indexOf(tab);
    if (index < 0)
        return;
    const TabState state = m_state.value(tab);
    auto *page = qobject_cast<SessionPage *>(tab);
    const Deferred *d = page ? nullptr : deferred(index);
    const QString automatic = page ? page->title() : (d ? d->title : QString());
    const QString name = state.customName.isEmpty() ? automatic : state.customName;
    QString text = name;
    text.replace(QLatin1Char('&'), QLatin1String("&&")); // not a mnemonic
    if (state.unread > 0)
        text += QStringLiteral(" (%1)").arg(state.unread);
    setTabText(index, text);
    setTabIcon(index, stateIcon(page ? page->session()->state() : Session::State::Idle));
    const QString word = page ? stateWord(*page->session()) : tr("closed");
    QString spoken = tr("%1, %2").arg(name, word);
    if (state.unread > 0)
        spoken = tr("%1, %n new record(s)", nullptr, int(std::min<qint64>(state.unread, INT_MAX))).arg(spoken);
    setTabToolTip(index, spoken);
    tabBar()->setAccessibleTabName(index, spoken);
    if (QWidget *close = tabBar()->tabButton(index, QTabBar::RightSide)) {
        close->setObjectName(QStringLiteral("tabCloseButton"));
        close->setAccessibleName(tr("Close %1").arg(name));
    }
}

void SessionTabs::onCurrentChanged(int index)
{
    SessionPage *current = page(index); // shown: built now if it was a placeholder
    if (!current || !m_state.contains(current))
        return;
    TabState &state = m_state[current];
    state.seenRx = current->transcript()->counters().rxMessages;
    if (state.unread != 0) {
        state.unread = 0;
        decorate(current);
    }
}

void SessionTabs::countUnread()
{
    const QWidget *current = currentWidget();
    for (auto it = m_state.begin(); it != m_state.end(); ++it) {
        auto *page = qobject_cast<SessionPage *>(it.key());
        if (!page)
            continue; // a placeholder has no session yet
        const qint64 rx = page->transcript()->counters().rxMessages;
        // Counters reset by the user start a new count.
        if (rx < it->seenRx || it.key() == current)
            it->seenRx = rx;
        const qint64 unread = rx - it->seenRx;
        if (unread != it->unread) {
            it->unread = unread;
            decorate(it.key());
        }
    }
}

void SessionTabs::requestClose(int index)
{
    SessionPage *p = builtPage(index);
    if (!p) {
        closePage(index); // a placeholder: nothing open, nothing captured
        return;
    }
    if (p->session()->state() == Session::State::Idle) {
        closePage(index);
        return;
    }
    // Not exec(): a nested event loop would run every socket of every tab inside this slot.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Close tab"),
        tr("\u201c%1\u201d is %2. Close it and its tab?")
            .arg(tabText(index).replace(QLatin1String("&&"), QLatin1String("&")), stateWord(*p->session())),
        QMessageBox::Close | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("closeTabQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SessionPage> target = p;
    connect(box, &QMessageBox::finished, this, [this, target](int result) {
        if (target && result == QMessageBox::Close)
            closePage(indexOf(target));
    });
    box->open();
}

void SessionTabs::closePage(int index)
{
    QWidget *tab = widget(index);
    if (!tab)
        return;
    if (m_deferred.remove(tab)) {
        m_state.remove(tab);
        removeTab(index);
        tab->deleteLater();
        Q_EMIT pagesChanged();
        return;
    }
    SessionPage *p = builtPage(index);
    if (!p)
        return;
    if (m_renaming == p)
        finishRename(false);
    // What framing still holds goes into the log (and the capture) before the capture file is closed.
    p->recorder()->flushPending();
    p->stopCapture();
    p->session()->close();
    m_state.remove(p);
    removeTab(index);
    p->deleteLater(); // we may be inside one of its signals
    Q_EMIT pagesChanged();
}

void SessionTabs::closeAll()
{
    while (count() > 0)
        closePage(count() - 1);
}

void SessionTabs::resetToDefaults()
{
    closeAll();
    for (const TabKinds::Kind &kind : TabKinds::all()) {
        if (kind.byDefault)
            addPage(kind.id);
    }
    setCurrentIndex(0);
}

void SessionTabs::startRename(int index)
{
    SessionPage *p = page(index);
    if (!p)
        return;
    finishRename(false);
    auto *editor = new QLineEdit(tabBar());
    editor->setObjectName(QStringLiteral("tabRenameEditor"));
    editor->setAccessibleName(tr("Tab name"));
    editor->setToolTip(tr("Enter renames the tab, Esc keeps its name; an empty name is the automatic one"));
    const QString custom = m_state.value(p).customName;
    editor->setText(custom.isEmpty() ? p->title() : custom);
    editor->selectAll();
    editor->setGeometry(tabBar()->tabRect(index));
    editor->installEventFilter(this);
    connect(editor, &QLineEdit::returnPressed, this, [this] { finishRename(true); });
    m_renameEditor = editor;
    m_renaming = p;
    editor->show();
    editor->setFocus();
}

void SessionTabs::finishRename(bool accept)
{
    if (!m_renameEditor)
        return;
    QLineEdit *editor = m_renameEditor;
    m_renameEditor = nullptr;
    if (accept && m_renaming) {
        const QString name = editor->text().trimmed();
        // The automatic name typed back in means "automatic": it follows the tab's target again.
        setCustomName(indexOf(m_renaming), name == m_renaming->title() ? QString() : name);
    }
    m_renaming = nullptr;
    editor->removeEventFilter(this);
    // Gone for the user and for anyone looking it up now, deleted once its own signals are done.
    editor->hide();
    editor->setObjectName(QString());
    editor->deleteLater();
}

bool SessionTabs::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_renameEditor) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            finishRename(false);
            return true;
        }
        if (event->type() == QEvent::FocusOut)
            finishRename(true);
    }
    return QTabWidget::eventFilter(watched, event);
}

void SessionTabs::showContextMenu(const QPoint &pos)
{
    const int index = tabBar()->tabAt(pos);
    if (index < 0)
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tabMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SessionPage> target = page(index);
    menu->addAction(tr("&Rename\u2026"), this, [this, target] {
        if (target)
            startRename(indexOf(target));
    });
    QAction *reopen = menu->addAction(tr("&Open at start"));
    reopen->setCheckable(true);
    reopen->setChecked(openAtStart(index));
    reopen->setToolTip(tr("Connect, listen or bind by itself when NetAssist starts"));
    connect(reopen, &QAction::toggled, this, [this, target](bool on) {
        if (target)
            setOpenAtStart(indexOf(target), on);
    });
    menu->addSeparator();
    menu->addAction(tr("&Close Tab"), this, [this, target] {
        if (target)
            requestClose(indexOf(target));
    });
    menu->popup(tabBar()->mapToGlobal(pos));
}
