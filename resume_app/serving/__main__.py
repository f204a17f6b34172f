from resume_app.serving.main import main

raise SystemExit(main())
