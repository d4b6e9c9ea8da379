#pragma once

#include "bytes/autoreply.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AutoReplyDialog;
}
class QComboBox;

// Edits a tab's auto-reply rules as a table, one rule per row, in the order they are tried. Works on a copy: the
// caller takes rules() and echo() after accept. A rule that cannot work (bad hex, bad regex, empty reply) is shown
// in red with the reason; it may still be saved (it never matches), so half-written rules are not lost.
class AutoReplyDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column {
        EnabledColumn,
        NameColumn,
        MatchColumn,
        PatternColumn,
        PatternHexColumn,
        ReplyColumn,
        ReplyModeColumn,
        LineEndingColumn,
        ChecksumColumn,
        ColumnCount
    };

    explicit AutoReplyDialog(QWidget *parent = nullptr);
    ~AutoReplyDialog() override;

    void setRules(const QList<AutoReply::Rule> &rules);
    QList<AutoReply::Rule> rules() const;
    void setEcho(bool on);
    bool echo() const;
    // Patterns are validated as they will be matched: in this encoding.
    void setTextEncoding(const QByteArray &encoding);

public Q_SLOTS:
    void addRule();
    void removeRule();
    void moveRule(int delta);

private:
    void insertRow(int row, const AutoReply::Rule &rule);
    AutoReply::Rule ruleAt(int row) const;
    QComboBox *comboAt(int row, int column) const;
    void validate();
    QString problemText(AutoReply::RuleError error) const;

    std::unique_ptr<Ui::AutoReplyDialog> m_ui;
    QByteArray m_encoding = "UTF-8";
    bool m_filling = false;
};
