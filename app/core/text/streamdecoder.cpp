#include "text/streamdecoder.h"
