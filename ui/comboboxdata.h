#pragma once

#include <QComboBox>

// Combo boxes whose items carry an enum as int data (the send box's options, the step editor's).
namespace ComboBoxData {

template<typename T> void select(QComboBox *combo, T value)
{
    const int index = combo->findData(int(value));
    if (index >= 0)
        combo->setCurrentIndex(index);
}

template<typename T> T current(const QComboBox *combo)
{
    return T(combo->currentData().toInt());
}

} // namespace ComboBoxData
