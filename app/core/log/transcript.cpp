#include "log/transcript.h"
