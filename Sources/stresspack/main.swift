print("stresspack")
