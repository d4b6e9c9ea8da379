#pragma once

#include "script/sequencemodel.h"

// The step list's columns in the words `netassist run` prints (SequenceText), a failed or broken row in the
// palette's error colour.
class SequenceWordsModel : public SequenceModel
{
    Q_OBJECT
public:
    using SequenceModel::SequenceModel;

    QVariant data(const QModelIndex &index, int role) const override;

protected:
    QString stepText(const Step &step) const override;
    QString problemText(const SequenceError &problem) const override;
    QString resultText(const StepResult &result) const override;
    QString responseText(double ms) const override;
    QString runningText() const override;
    QString columnTitle(Column column) const override;
};
