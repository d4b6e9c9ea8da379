#include "autoreplydialog.h"

#include "statuscolors.h"
#include "ui_autoreplydialog.h"

#include <QComboBox>
#include <QHeaderView>
#include <QTableWidgetItem>

#include <utility>

namespace {

enum ReplyMode { ReplyText, ReplyTextEscapes, ReplyHex };

QString checksumName(Checksum::Algorithm algorithm)
{
    switch (algorithm) {
    case Checksum::Algorithm::None:
        return AutoReplyDialog::tr("None");
    case Checksum::Algorithm::Sum8:
        return QStringLiteral("SUM8");
    case Checksum::Algorithm::Xor8:
        return QStringLiteral("XOR8");
    case Checksum::Algorithm::Crc8:
        return QStringLiteral("CRC-8");
    case Checksum::Algorithm::Crc16Modbus:
        return QStringLiteral("CRC-16/MODBUS");
    case Checksum::Algorithm::Crc16CcittFalse:
        return QStringLiteral("CRC-16/CCITT-FALSE");
    case Checksum::Algorithm::Crc32:
        return QStringLiteral("CRC-32");
    }
    return {};
}

QTableWidgetItem *checkItem(bool checked, const QString &toolTip)
{
    auto *item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(toolTip);
    return item;
}

} // namespace

AutoReplyDialog::AutoReplyDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AutoReplyDialog>())
{
    m_ui->setupUi(this);
    QTableWidget *table = m_ui->autoReplyRules;
    table->setColumnCount(ColumnCount);
    table->setHorizontalHeaderLabels({tr("On"), tr("Name"), tr("When data"), tr("Pattern"), tr("Hex"), tr("Reply"),
        tr("Reply is"), tr("Line end"), tr("Checksum")});
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(PatternColumn, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(ReplyColumn, QHeaderView::Stretch);
    table->verticalHeader()->setVisible(false);

    connect(m_ui->autoReplyAdd, &QPushButton::clicked, this, &AutoReplyDialog::addRule);
    connect(m_ui->autoReplyRemove, &QPushButton::clicked, this, &AutoReplyDialog::removeRule);
    connect(m_ui->autoReplyUp, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_ui->autoReplyDown, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(table, &QTableWidget::itemChanged, this, &AutoReplyDialog::validate);
    validate();
}

AutoReplyDialog::~AutoReplyDialog() = default;

void AutoReplyDialog::setRules(const QList<AutoReply::Rule> &rules)
{
    m_filling = true;
    m_ui->autoReplyRules->setRowCount(0);
    for (const AutoReply::Rule &rule : rules)
        insertRow(m_ui->autoReplyRules->rowCount(), rule);
    m_filling = false;
    validate();
}

QList<AutoReply::Rule> AutoReplyDialog::rules() const
{
    QList<AutoReply::Rule> out;
    for (int row = 0; row < m_ui->autoReplyRules->rowCount(); ++row)
        out.append(ruleAt(row));
    return out;
}

void AutoReplyDialog::setEcho(bool on)
{
    m_ui->autoReplyEcho->setChecked(on);
}

bool AutoReplyDialog::echo() const
{
    return m_ui->autoReplyEcho->isChecked();
}

void AutoReplyDialog::setTextEncoding(const QByteArray &encoding)
{
    m_encoding = encoding;
    validate();
}

void AutoReplyDialog::insertRow(int row, const AutoReply::Rule &rule)
{
    QTableWidget *table = m_ui->autoReplyRules;
    const bool filling = std::exchange(m_filling, true);
    table->insertRow(row);
    table->setItem(row, EnabledColumn, checkItem(rule.enabled, tr("Only enabled rules answer")));
    table->setItem(row, NameColumn, new QTableWidgetItem(rule.name));
    table->setItem(row, PatternColumn, new QTableWidgetItem(rule.pattern));
    table->setItem(row, PatternHexColumn,
        checkItem(rule.patternIsHex,
            tr("The pattern is hex bytes; for a regular expression, it is matched against the data's hex form "
               "(\"01 03 00 0A\")")));
    table->setItem(row, ReplyColumn, new QTableWidgetItem(rule.reply));

    auto combo = [this, table, row](int column, const QString &name) {
        auto *box = new QComboBox;
        box->setAccessibleName(name);
        box->setToolTip(name);
        box->setFrame(false);
        table->setCellWidget(row, column, box);
        connect(box, &QComboBox::currentIndexChanged, this, &AutoReplyDialog::validate);
        return box;
    };
    QComboBox *match = combo(MatchColumn, tr("Match kind"));
    match->addItem(tr("equals"), int(AutoReply::Match::Equals));
    match->addItem(tr("starts with"), int(AutoReply::Match::StartsWith));
    match->addItem(tr("contains"), int(AutoReply::Match::Contains));
    match->addItem(tr("matches regex"), int(AutoReply::Match::Regex));
    match->setCurrentIndex(match->findData(int(rule.match)));

    QComboBox *mode = combo(ReplyModeColumn, tr("Reply format"));
    mode->addItem(tr("Text"), int(ReplyText));
    mode->addItem(tr("Text, \\ escapes"), int(ReplyTextEscapes));
    mode->addItem(tr("Hex"), int(ReplyHex));
    const int modeValue = rule.replySpec.mode == Payload::Mode::Hex ? ReplyHex
        : rule.replySpec.escapes                                    ? ReplyTextEscapes
                                                                    : ReplyText;
    mode->setCurrentIndex(mode->findData(modeValue));

    QComboBox *ending = combo(LineEndingColumn, tr("Reply line ending"));
    ending->addItem(tr("None"), int(Payload::LineEnding::None));
    ending->addItem(QStringLiteral("CR"), int(Payload::LineEnding::CR));
    ending->addItem(QStringLiteral("LF"), int(Payload::LineEnding::LF));
    ending->addItem(QStringLiteral("CRLF"), int(Payload::LineEnding::CRLF));
    ending->setCurrentIndex(ending->findData(int(rule.replySpec.lineEnding)));

    QComboBox *checksum = combo(ChecksumColumn, tr("Reply checksum"));
    for (Checksum::Algorithm algorithm : Checksum::all())
        checksum->addItem(checksumName(algorithm), int(algorithm));
    checksum->setCurrentIndex(checksum->findData(int(rule.replySpec.checksum)));
    m_filling = filling;
}

QComboBox *AutoReplyDialog::comboAt(int row, int column) const
{
    return qobject_cast<QComboBox *>(m_ui->autoReplyRules->cellWidget(row, column));
}

AutoReply::Rule AutoReplyDialog::ruleAt(int row) const
{
    const QTableWidget *table = m_ui->autoReplyRules;
    auto text
        = [table, row](int column) { return table->item(row, column) ? table->item(row, column)->text() : QString(); };
    auto checked = [table, row](int column) {
        return table->item(row, column) && table->item(row, column)->checkState() == Qt::Checked;
    };
    auto value
        = [this, row](int column) { return comboAt(row, column) ? comboAt(row, column)->currentData().toInt() : 0; };
    AutoReply::Rule rule;
    rule.enabled = checked(EnabledColumn);
    rule.name = text(NameColumn);
    rule.match = AutoReply::Match(value(MatchColumn));
    rule.pattern = text(PatternColumn);
    rule.patternIsHex = checked(PatternHexColumn);
    rule.reply = text(ReplyColumn);
    rule.replySpec.mode = value(ReplyModeColumn) == ReplyHex ? Payload::Mode::Hex : Payload::Mode::Text;
    rule.replySpec.escapes = value(ReplyModeColumn) == ReplyTextEscapes;
    rule.replySpec.encoding = m_encoding;
    rule.replySpec.lineEnding = Payload::LineEnding(value(LineEndingColumn));
    rule.replySpec.checksum = Checksum::Algorithm(value(ChecksumColumn));
    // The byte order a protocol uses with that checksum (Modbus RTU: low byte first), as the send box defaults to.
    rule.replySpec.checksumOrder = Checksum::naturalOrder(rule.replySpec.checksum);
    return rule;
}

void AutoReplyDialog::addRule()
{
    AutoReply::Rule rule;
    rule.name = tr("Rule %1").arg(m_ui->autoReplyRules->rowCount() + 1);
    rule.replySpec.encoding = m_encoding;
    const int row = m_ui->autoReplyRules->rowCount();
    insertRow(row, rule);
    m_ui->autoReplyRules->setCurrentCell(row, PatternColumn);
    validate();
}

void AutoReplyDialog::removeRule()
{
    const int row = m_ui->autoReplyRules->currentRow();
    if (row < 0)
        return;
    m_ui->autoReplyRules->removeRow(row);
    validate();
}

void AutoReplyDialog::moveRule(int delta)
{
    const int row = m_ui->autoReplyRules->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_ui->autoReplyRules->rowCount())
        return;
    // Rebuilt rather than moved cell by cell: the combo boxes are cell widgets, which a row move would not carry.
    QList<AutoReply::Rule> all = rules();
    all.swapItemsAt(row, target);
    const int column = std::max(0, m_ui->autoReplyRules->currentColumn());
    setRules(all);
    m_ui->autoReplyRules->setCurrentCell(target, column);
}

void AutoReplyDialog::validate()
{
    if (m_filling)
        return;
    QTableWidget *table = m_ui->autoReplyRules;
    const bool filling = std::exchange(m_filling, true); // colouring items emits itemChanged
    QString firstProblem;
    for (int row = 0; row < table->rowCount(); ++row) {
        const AutoReply::RuleError error = AutoReply::validate(ruleAt(row), m_encoding);
        const bool replyBad = error == AutoReply::RuleError::BadReply;
        const QString problem = error == AutoReply::RuleError::None ? QString() : problemText(error);
        for (int column : {int(PatternColumn), int(ReplyColumn)}) {
            QTableWidgetItem *item = table->item(row, column);
            const bool bad = error != AutoReply::RuleError::None && (column == ReplyColumn) == replyBad;
            item->setForeground(bad ? QBrush(QColor(0xd0, 0x30, 0x30)) : QBrush());
            item->setToolTip(bad ? problem : QString());
        }
        if (firstProblem.isEmpty() && !problem.isEmpty())
            firstProblem = tr("Rule %1: %2").arg(row + 1).arg(problem);
    }
    m_filling = filling;
    m_ui->autoReplyProblem->setText(firstProblem);
    StatusColors::mark(m_ui->autoReplyProblem, StatusColors::Error);
    const bool any = table->currentRow() >= 0;
    m_ui->autoReplyRemove->setEnabled(any || table->rowCount() > 0);
    m_ui->autoReplyUp->setEnabled(table->rowCount() > 1);
    m_ui->autoReplyDown->setEnabled(table->rowCount() > 1);
}

QString AutoReplyDialog::problemText(AutoReply::RuleError error) const
{
    switch (error) {
    case AutoReply::RuleError::None:
        return {};
    case AutoReply::RuleError::EmptyPattern:
        return tr("the pattern is empty");
    case AutoReply::RuleError::BadPatternHex:
        return tr("the pattern is not valid hex");
    case AutoReply::RuleError::PatternUnencodable:
        return tr("the pattern has a character the encoding %1 cannot represent").arg(QString::fromLatin1(m_encoding));
    case AutoReply::RuleError::BadRegex:
        return tr("the regular expression is not valid");
    case AutoReply::RuleError::BadReply:
        return tr("the reply is empty or not valid in its format");
    }
    return {};
}
