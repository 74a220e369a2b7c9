# Words after "شؤون" that make the affairs a state's own (accusations, interference in internal affairs).
داخلي|الدول|دول|البلاد|البلدان
