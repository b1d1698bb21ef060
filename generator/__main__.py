from generator.commands.cli import main
from generator.processes import exit_at_once

exit_at_once(main())
