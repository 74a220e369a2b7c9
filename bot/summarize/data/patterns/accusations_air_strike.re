# Air strikes and shelling: harm with no civilian, infrastructure or forces victim named breaches sovereignty (accusations._acts_in).
جوي|غارات|قصف|ضربات
