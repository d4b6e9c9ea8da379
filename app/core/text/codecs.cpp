#include "text/codecs.h"
