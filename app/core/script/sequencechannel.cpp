#include "script/sequencechannel.h"

SequenceChannel::~SequenceChannel() = default;
