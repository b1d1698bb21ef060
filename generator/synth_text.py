"""Word pools and sentence templates for `synth` (see generator/synth.py).

Pools are written as `|`-separated strings to keep the module short. Every
name here is invented; ZIP codes and cities are real places in Los Angeles
County, and the transit lines are the region's real lines.
"""

from __future__ import annotations


def _p(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


# Per sector (by vocabulary id). Keys: roles (singular, plural adds "s"), tasks (verb phrases),
# tools, skills, places (site nouns), topics, ventures (student-run businesses), projects,
# creds (credentials), nouns (employer name endings), occ ("Title;SOC;amount;unit"), paths.
_SECTORS_RAW: dict[str, dict[str, str]] = {
    "agriculture-and-natural-resources": dict(
        roles="crop technician|nursery grower|park naturalist|soil lab assistant|urban farmer|tree care specialist|irrigation technician|wildlife biologist|greenhouse manager|watershed steward|beekeeper|food safety inspector",
        tasks="test soil samples for nitrogen and salt|propagate native plants from cuttings|log bird counts along the river trail|set up drip irrigation lines|weigh and pack the weekly harvest|map invasive plants with a tablet app|check greenhouse temperature and humidity|prepare compost windrows|label seed trays for a restoration site|record water quality readings at a creek",
        tools="soil probes|GPS tablets|a refractometer|drip irrigation kits|pruning shears|field notebooks|a compost thermometer|seed trays",
        skills="Plant identification|Field data collection|Safe use of garden tools|Soil and water testing|Following a planting plan|Recording observations",
        places="urban farm|plant nursery|nature center|greenhouse|field station|community garden",
        topics="where our food comes from|how cities care for their trees|protecting the Los Angeles River watershed|farming in a drought|careers in parks and open space",
        ventures="farm stand|native plant nursery|microgreens business",
        projects="design a pollinator garden for a schoolyard|plan a drought-tolerant landscape for a library|survey the trees on one city block",
        creds="Pesticide safety training certificate|California Naturalist certificate|Arborist ground worker certificate",
        nouns="Urban Farms|Native Plant Nursery|Tree Care|Growers Cooperative|Land Conservancy|Garden Supply",
        occ="Agricultural Technicians;19-4012;42000;year|Landscaping and Groundskeeping Workers;37-3011;19.5;hour|Forest and Conservation Technicians;19-4071;52000;year|Conservation Scientists;19-1031;81000;year",
        paths="Urban Agriculture and Food Systems|Parks and Natural Resources|Environmental Field Science",
    ),
    "arts-media-and-entertainment": dict(
        roles="video editor|sound engineer|graphic designer|animator|stage manager|lighting technician|podcast producer|set painter|photographer|game artist|costume assistant|production coordinator",
        tasks="cut a short video from raw interview footage|hang and focus stage lights|mix audio for a podcast episode|sketch storyboards for a commercial|build props for a school play|color-correct a music video|design posters for a community event|log footage and organize media files|run the sound board during rehearsal|animate a ten-second logo",
        tools="Adobe Premiere Pro|DaVinci Resolve|a lighting console|a digital audio workstation|drawing tablets|DSLR cameras|Blender|a green screen",
        skills="Video editing|Storyboarding|Audio recording and mixing|Meeting a production deadline|Giving and taking creative feedback|Building a portfolio",
        places="post-production studio|theater|recording studio|animation studio|sound stage|design agency",
        topics="how a film gets made|jobs behind the camera|careers in animation and games|what a design studio does|working in live theater",
        ventures="student design studio|screen-printing shop|campus radio station",
        projects="produce a public service announcement for a nonprofit|design a mural for a neighborhood wall|create a short documentary about a local business",
        creds="Adobe Certified Professional in Video Design|Adobe Certified Professional in Graphic Design|Avid Media Composer User certification",
        nouns="Studios|Media Lab|Post Production|Animation House|Stagecraft|Creative Agency",
        occ="Film and Video Editors;27-4032;98000;year|Graphic Designers;27-1024;64000;year|Audio and Video Technicians;27-4011;58000;year|Special Effects Artists and Animators;27-1014;99000;year",
        paths="Film and Video Production|Design and Visual Communication|Animation and Game Art",
    ),
    "building-and-construction-trades": dict(
        roles="electrician|carpenter|plumber|HVAC technician|ironworker|project engineer|site superintendent|solar installer|drywall finisher|heavy equipment operator|cost estimator|building inspector",
        tasks="measure and cut framing lumber|bend conduit to a drawing|read blueprints with a foreman|check a jobsite for safety hazards|wire a practice electrical panel|lay out a wall with a chalk line|take inventory of tools and materials|help install ductwork in a training bay|estimate materials for a small remodel|sort recycling on a jobsite",
        tools="tape measures and levels|a conduit bender|power drills|blueprints|a laser level|hand tools|a multimeter|safety harnesses",
        skills="Reading blueprints|Jobsite safety|Measuring and layout|Using hand and power tools|Teamwork on a crew|Showing up on time, every day",
        places="jobsite|training center|union hall|fabrication yard|construction office|apprenticeship shop",
        topics="how a building goes up|careers in the skilled trades|union apprenticeships|green building and solar|what a construction manager does",
        ventures="tiny-house building crew|campus repair shop|furniture workshop",
        projects="build a shade structure for a school garden|plan the renovation of a community room|design and build a little free library",
        creds="OSHA 10-Hour Construction|NCCER Core Curriculum|Multi-Craft Core Curriculum (MC3)",
        nouns="Electrical Contractors|Builders|Construction Group|Plumbing and Mechanical|Framing Company|Solar Installers",
        occ="Electricians;47-2111;37;hour|Plumbers, Pipefitters, and Steamfitters;47-2152;35;hour|Carpenters;47-2031;32;hour|Heating, Air Conditioning, and Refrigeration Mechanics;49-9021;31;hour",
        paths="Building Trades Pre-Apprenticeship|Electrical and Solar Trades|Construction Management",
    ),
    "business-and-finance": dict(
        roles="bookkeeper|bank teller|financial analyst|office manager|payroll clerk|tax preparer|loan officer|small business owner|accounting clerk|insurance agent|budget analyst|operations assistant",
        tasks="enter receipts into a bookkeeping program|reconcile a petty cash log|build a simple budget in a spreadsheet|greet customers at the branch counter|file and scan invoices|prepare a sales summary for a manager|count and balance a practice cash drawer|help plan a financial literacy workshop|update a customer database|compare prices from three vendors",
        tools="Excel and Google Sheets|QuickBooks|a ten-key calculator|a point-of-sale system|a customer database|a scanner and document system|online banking tools|presentation slides",
        skills="Spreadsheets|Basic bookkeeping|Customer service|Professional email|Keeping records accurate|Budgeting",
        places="bank branch|accounting office|credit union|business office|tax clinic|small business center",
        topics="how money moves through a business|careers in banking|starting your own business|what accountants really do|managing your first paycheck",
        ventures="student credit union branch|school store|snack cart business",
        projects="write a business plan for a food truck|build a budget for a youth sports league|analyze sales data for a corner store",
        creds="QuickBooks Certified User|Microsoft Office Specialist: Excel|Certified Bookkeeper Fundamentals",
        nouns="Credit Union|Accounting Partners|Community Bank|Tax Services|Financial Group|Insurance Agency",
        occ="Bookkeeping, Accounting, and Auditing Clerks;43-3031;25;hour|Accountants and Auditors;13-2011;89000;year|Tellers;43-3071;19.5;hour|Loan Officers;13-2072;76000;year",
        paths="Accounting and Finance|Entrepreneurship and Small Business|Banking and Financial Services",
    ),
    "education-child-development-and-family-services": dict(
        roles="preschool teacher|teacher assistant|after-school leader|tutor|family services aide|child care director|youth counselor|reading coach|school counselor|special education aide|camp counselor|parent educator",
        tasks="read aloud to a small group of toddlers|set up a science center for preschoolers|tutor students in reading after school|plan a craft activity for kindergarteners|help at drop-off and pick-up|observe how teachers guide behavior|prepare materials for a family workshop|lead a playground game|track attendance on a class roster|write a lesson plan with a mentor teacher",
        tools="lesson plans|picture books|learning centers|a classroom observation form|tablets with reading apps|art supplies|a child development checklist|attendance sheets",
        skills="Working with young children|Planning a lesson|Patience and clear communication|Child development basics|Classroom safety|Working with families",
        places="preschool|elementary classroom|after-school center|family resource center|child development center|library learning lab",
        topics="what teachers do outside the classroom|careers working with children|how young children learn|becoming a counselor|the path to teaching",
        ventures="campus child care helpers program|peer tutoring center|student-run book exchange",
        projects="design a reading corner for a preschool|create a family literacy night|build a homework help guide for younger students",
        creds="Child Development Assistant Permit|Pediatric CPR and First Aid|Mandated reporter training certificate",
        nouns="Early Learning Centers|Child Development Center|Tutoring Collaborative|Family Resource Center|After-School Programs|Youth Services",
        occ="Preschool Teachers, Except Special Education;25-2011;22;hour|Childcare Workers;39-9011;18.5;hour|Teaching Assistants, Except Postsecondary;25-9042;23;hour|Social and Human Service Assistants;21-1093;24;hour",
        paths="Early Childhood Education|Future Teachers|Youth and Family Services",
    ),
    "energy-environment-and-utilities": dict(
        roles="water treatment operator|solar technician|environmental technician|energy auditor|line worker|recycling coordinator|meter technician|sustainability analyst|wastewater operator|power plant operator|EV charger installer|stormwater inspector",
        tasks="collect water samples at a treatment plant|test pH and chlorine levels|audit a classroom's energy use|sort and weigh recycling streams|inspect a storm drain for debris|read smart meter data|help clean solar panels on a rooftop|map trees and shade on a block|log equipment readings every hour|check a pump station with an operator",
        tools="water test kits|a thermal camera|smart meter dashboards|a GIS map|a multimeter|data loggers|safety gear|an energy audit checklist",
        skills="Lab safety|Water testing|Reading a gauge and recording data|Energy efficiency basics|Environmental regulations|Working outdoors safely",
        places="water treatment plant|recycling center|solar farm|utility yard|environmental lab|pump station",
        topics="where your tap water comes from|careers in clean energy|how recycling really works|keeping the ocean clean|the electric grid of the future",
        ventures="school energy audit team|campus recycling business|bike repair and e-bike shop",
        projects="audit the energy use of a school building|plan a rain garden for a parking lot|design a zero-waste campaign for a stadium",
        creds="Water Treatment Operator in Training certificate|OSHA 10-Hour General Industry|Solar PV installation basics certificate",
        nouns="Water Agency|Clean Energy|Recycling Services|Power and Light|Environmental Services|Solar Company",
        occ="Water and Wastewater Treatment Plant and System Operators;51-8031;45;hour|Solar Photovoltaic Installers;47-2231;28;hour|Environmental Science and Protection Technicians;19-4042;60000;year|Electrical Power-Line Installers and Repairers;49-9051;58;hour",
        paths="Water and Wastewater Careers|Clean Energy Technician|Environmental Science and Recycling",
    ),
    "engineering-and-architecture": dict(
        roles="civil engineer|architect|drafter|surveyor|structural engineer|landscape architect|urban planner|mechanical engineer|engineering technician|traffic engineer|CAD designer|field inspector",
        tasks="draft a floor plan in CAD software|build a foam-board model of a building|survey a street corner with a field crew|test concrete cylinders in the lab|sketch ideas for a bus stop shelter|review drawings with a project engineer|measure a room and draw it to scale|count cars at an intersection for a traffic study|3D print a part from a design|present a design to a client panel",
        tools="AutoCAD|Revit|SketchUp|a 3D printer|survey equipment|architectural scales|a total station|Rhino",
        skills="Technical drawing|3D modeling|Measuring to scale|Design thinking|Presenting a design|Math applied to real projects",
        places="architecture studio|engineering office|materials lab|survey field office|design center|city planning office",
        topics="how bridges and buildings stay up|what architects do|designing better streets|careers in engineering|how a city plans a neighborhood",
        ventures="student design firm|3D printing shop|drafting service",
        projects="redesign a bus stop for shade and safety|plan a safer crosswalk near a school|design a small library for a park",
        creds="Autodesk Certified User: AutoCAD|Autodesk Certified User: Revit|SolidWorks Associate certificate",
        nouns="Design Partners|Engineering Group|Architects|Survey and Mapping|Structural Engineers|Planning Studio",
        occ="Civil Engineering Technologists and Technicians;17-3022;65000;year|Architectural and Civil Drafters;17-3011;70000;year|Civil Engineers;17-2051;105000;year|Surveyors;17-1022;98000;year",
        paths="Engineering Design|Architecture and Planning|Civil Engineering Technician",
    ),
    "fashion-and-interior-design": dict(
        roles="fashion designer|pattern maker|sewing technician|merchandiser|interior designer|textile artist|stylist|production assistant|showroom assistant|costume maker|upholsterer|trend researcher",
        tasks="cut a pattern from muslin|sew a sample garment on an industrial machine|build a mood board for a new line|measure fabric yardage for an order|dress a mannequin for a showroom|sort trims and buttons by color|sketch a room layout for a client|photograph a small collection|press and tag finished pieces|price garments for a pop-up sale",
        tools="industrial sewing machines|dress forms|pattern paper|Adobe Illustrator|fabric swatch books|a steam press|mood boards|SketchUp",
        skills="Sewing and construction|Pattern making|Color and textiles|Visual merchandising|Sketching a design|Working to a production schedule",
        places="design studio|sewing workroom|showroom|textile mill|interior design office|costume shop",
        topics="how clothes are made in Los Angeles|careers in interior design|sustainable fashion|behind the scenes of a showroom|the business of fashion",
        ventures="upcycled clothing shop|screen-printed apparel brand|student boutique",
        projects="design a uniform for a local cafe|restyle a community center lounge|create a capsule collection from donated fabric",
        creds="Industrial sewing machine operator certificate|Adobe Certified Professional in Print and Digital Media|Textile science short course certificate",
        nouns="Makers Collective|Apparel Company|Design House|Textile Studio|Interiors|Garment Works",
        occ="Fashion Designers;27-1022;86000;year|Interior Designers;27-1025;72000;year|Sewing Machine Operators;51-6031;18;hour|Tailors, Dressmakers, and Custom Sewers;51-6052;20;hour",
        paths="Fashion Design and Production|Interior Design|Apparel Manufacturing",
    ),
    "health-science-and-medical-technology": dict(
        roles="medical assistant|phlebotomist|pharmacy technician|physical therapy aide|radiology technician|dental assistant|lab technician|nurse|emergency medical technician|health educator|medical records clerk|sterile processing technician",
        tasks="check patients in at the front desk|stock exam rooms before clinic opens|take vital signs under supervision|sort lab samples for testing|shadow a nurse on morning rounds|file and scan medical records|prepare a health fair booth|sanitize equipment between patients|track supply orders for a pharmacy|learn how the pharmacy fills prescriptions",
        tools="blood pressure cuffs|electronic health records|lab centrifuges|a pharmacy inventory system|dental instruments|a pulse oximeter|PPE|an autoclave",
        skills="Patient privacy (HIPAA)|Taking vital signs|Medical terminology|Infection control|Working on a care team|Calm communication with patients",
        places="clinic|hospital lab|pharmacy|dental office|imaging center|community health center",
        topics="jobs in a hospital beyond doctor and nurse|how a medical lab works|careers in public health|becoming an EMT|a day in a community clinic",
        ventures="student health education team|campus wellness cafe|first aid supply store",
        projects="plan a health fair for a middle school|design a diabetes awareness campaign|map clinics and pharmacies near a school",
        creds="CPR and First Aid (American Heart Association)|Certified Nursing Assistant exam eligibility|Phlebotomy Technician I training certificate",
        nouns="Community Clinics|Medical Group|Health Center|Family Health Partners|Dental Group|Imaging Center",
        occ="Medical Assistants;31-9092;21.5;hour|Phlebotomists;31-9097;24;hour|Pharmacy Technicians;29-2052;23;hour|Licensed Practical and Licensed Vocational Nurses;29-2061;35;hour",
        paths="Health Careers|Allied Health Technician|Community Health Worker",
    ),
    "hospitality-tourism-and-recreation": dict(
        roles="line cook|hotel front desk agent|event planner|recreation leader|pastry cook|tour guide|banquet server|lifeguard|restaurant manager|barista|museum educator|camp coordinator",
        tasks="prep vegetables for the lunch service|check guests in at the front desk|set tables for a banquet|lead games at a day camp|plate desserts with a pastry chef|restock the coffee bar|greet visitors at the museum entrance|help set up a community event|take inventory in the walk-in cooler|answer phone reservations",
        tools="a point-of-sale system|commercial kitchen equipment|a reservations system|event floor plans|food thermometers|an espresso machine|a scheduling app|first aid kits",
        skills="Food safety|Guest service|Working a busy shift|Event setup|Teamwork in a kitchen|Handling complaints calmly",
        places="hotel|restaurant kitchen|recreation center|event venue|museum|community pool",
        topics="careers in hotels and restaurants|how a big event comes together|working in parks and recreation|the tourism industry in Los Angeles|becoming a chef",
        ventures="campus cafe|student catering company|school coffee cart",
        projects="plan a community festival for a park|design a tour of a historic neighborhood|create a healthy menu for a school event",
        creds="California Food Handler Card|ServSafe Food Handler|American Red Cross Lifeguarding",
        nouns="Hotel and Suites|Restaurant Group|Event Center|Catering Company|Recreation Department|Cafe Collective",
        occ="Cooks, Restaurant;35-2014;19.5;hour|Hotel, Motel, and Resort Desk Clerks;43-4081;19;hour|First-Line Supervisors of Food Preparation and Serving Workers;35-1012;23;hour|Recreation Workers;39-9032;18.5;hour",
        paths="Culinary Arts and Hospitality|Recreation and Tourism|Event Management",
    ),
    "information-and-communication-technologies": dict(
        roles="help desk technician|network technician|web developer|software tester|cybersecurity analyst|data analyst|IT support specialist|UX designer|cloud engineer|database assistant|app developer|systems administrator",
        tasks="reset passwords and answer help desk tickets|image and set up new laptops|test a website on different phones|run a cable and label a network port|clean up a spreadsheet for a data report|write a small script to rename files|document a fix in the ticket system|check a network for weak passwords|build a simple web page for a nonprofit|sketch app screens on paper",
        tools="a help desk ticket system|Windows and ChromeOS|Python|HTML and CSS|network cable testers|Google Workspace|a password manager|Git",
        skills="Troubleshooting|Customer support|Basic networking|Cyber hygiene|Writing clear instructions|Web basics",
        places="IT office|help desk|data center|software studio|computer lab|network operations center",
        topics="what cybersecurity people do|careers in tech without a four-year degree|how the internet reaches your phone|building apps|data and privacy",
        ventures="student tech repair shop|web design studio|device help desk",
        projects="build a website for a neighborhood nonprofit|design an app that helps students find bus times|run a cyber safety workshop for families",
        creds="CompTIA IT Fundamentals (ITF+)|Google IT Support certificate|Cisco Networking Basics badge",
        nouns="Tech Solutions|Data Systems|IT Services|Software Studio|Networks|Cyber Defense",
        occ="Computer User Support Specialists;15-1232;29;hour|Network and Computer Systems Administrators;15-1244;104000;year|Information Security Analysts;15-1212;125000;year|Web Developers;15-1254;92000;year",
        paths="Information Technology|Cybersecurity|Software and Web Development",
    ),
    "manufacturing-and-product-development": dict(
        roles="machinist|welder|quality inspector|maintenance technician|production supervisor|CNC operator|assembler|industrial designer|robotics technician|warehouse lead|process engineer|tool and die maker",
        tasks="measure parts with calipers and log the results|load stock into a CNC machine|tack-weld a practice joint|sort parts for a quality check|watch a robot cell being programmed|help with a preventive maintenance checklist|label and stage finished orders|sand and finish a prototype part|count inventory in the stockroom|learn the 5S way of organizing a workstation",
        tools="CNC mills and lathes|calipers and micrometers|MIG welders|a 3D printer|robotic arms|an inventory scanner|a torque wrench|quality checklists",
        skills="Precision measuring|Shop safety|Reading technical drawings|Quality control|Basic machining|Following a production schedule",
        places="machine shop|factory floor|fabrication plant|assembly line|prototype lab|warehouse",
        topics="how things are made in Los Angeles|careers in advanced manufacturing|robots on the factory floor|from idea to product|what a machinist does",
        ventures="laser-cut products shop|3D printed goods business|woodworking shop",
        projects="design and prototype a phone stand|improve the layout of a small workshop|build a robot that sorts recyclables",
        creds="NIMS Measurement, Materials and Safety|OSHA 10-Hour General Industry|AWS entry-level welder certificate",
        nouns="Precision Fabrication|Manufacturing|Machine Works|Metal Products|Robotics|Industries",
        occ="Machinists;51-4041;26;hour|Industrial Machinery Mechanics;49-9041;32;hour|Welders, Cutters, Solderers, and Brazers;51-4121;25;hour|Inspectors, Testers, Sorters, Samplers, and Weighers;51-9061;23;hour",
        paths="Advanced Manufacturing Technician|Welding and Fabrication|Robotics and Automation",
    ),
    "marketing-sales-and-services": dict(
        roles="sales associate|marketing coordinator|social media assistant|store manager|customer service representative|visual merchandiser|brand ambassador|market researcher|copywriter|real estate assistant|e-commerce assistant|buyer",
        tasks="help customers find what they need|restock shelves and face products|draft social media posts for a product launch|survey shoppers about a new item|count the register at closing|set up a window display|answer customer emails|compare prices at competing stores|photograph products for an online store|track daily sales on a spreadsheet",
        tools="a point-of-sale register|social media scheduling tools|Canva|an inventory scanner|customer survey forms|an online store dashboard|display fixtures|Google Analytics",
        skills="Customer service|Sales basics|Social media marketing|Handling cash and returns|Visual merchandising|Persuasive writing",
        places="retail store|marketing agency|call center|shopping center|showroom|online store office",
        topics="how brands reach teens|careers in sales and marketing|what happens behind the counter|starting an online store|the psychology of shopping",
        ventures="school spirit store|online merch shop|student marketing agency",
        projects="plan a social media campaign for a local bakery|redesign the window display of a shoe store|survey shoppers for a neighborhood market",
        creds="Meta Certified Digital Marketing Associate|Customer Service and Sales certificate (NRF)|Google Analytics certificate",
        nouns="Retail Group|Marketing Agency|Outlet Stores|Customer Care|Brand Studio|Markets",
        occ="Retail Salespersons;41-2031;18;hour|Customer Service Representatives;43-4051;22;hour|Market Research Analysts and Marketing Specialists;13-1161;78000;year|First-Line Supervisors of Retail Sales Workers;41-1011;25;hour",
        paths="Sales and Customer Service|Marketing and Social Media|Retail Management",
    ),
    "public-services": dict(
        roles="firefighter|police officer|paralegal|court clerk|city planner|emergency dispatcher|social worker|probation aide|city council aide|park ranger|public defender|emergency manager",
        tasks="help answer questions at a city hall counter|sort case files for a legal aid clinic|practice a mock trial with attorneys|tour a fire station and check equipment with a crew|help plan a community preparedness fair|take notes at a public meeting|translate a flyer for a community event|file records in the court clerk's office|learn how 911 calls are handled|survey residents about a park",
        tools="case management software|a radio and dispatch console|legal research databases|fire hoses and ladders|public meeting agendas|a records system|first aid kits|survey forms",
        skills="Public speaking|Legal research basics|Emergency preparedness|Serving the public|Note-taking at meetings|Ethics and confidentiality",
        places="fire station|city hall|courthouse|legal aid office|emergency operations center|community police station",
        topics="how local government works|careers in firefighting|becoming a lawyer|what happens when you call 911|serving your community",
        ventures="student youth court|peer mediation service|community safety ambassadors team",
        projects="propose a safer route to school to the city council|plan a disaster preparedness kit drive|research a local law and present it to a panel",
        creds="CPR and First Aid|CERT (Community Emergency Response Team) training|FEMA Introduction to Incident Command (IS-100)",
        nouns="Security Services|Legal Aid Center|Law Group|Emergency Medical Services|Mediation Services|Justice Center",
        occ="Firefighters;33-2011;38;hour|Police and Sheriff's Patrol Officers;33-3051;110000;year|Paralegals and Legal Assistants;23-2011;33;hour|Eligibility Interviewers, Government Programs;43-4061;30;hour",
        paths="Fire and Emergency Services|Law and Justice|Public Administration",
    ),
    "transportation": dict(
        roles="auto technician|diesel mechanic|aircraft mechanic|logistics coordinator|bus operator|dispatcher|warehouse associate|freight agent|transit planner|port crane operator|EV technician|fleet manager",
        tasks="check tire pressure and fluids on a service bay car|scan pallets in a distribution center|shadow a dispatcher planning bus routes|help inspect a brake system|track container arrivals on a port dashboard|organize parts in the parts room|ride along on a transit safety check|plan the fastest delivery route on a map|clean and inspect tools at the end of a shift|learn how an electric bus charges",
        tools="diagnostic scanners|lifts and jacks|a warehouse management system|routing software|torque wrenches|forklift simulators|a port tracking dashboard|EV chargers",
        skills="Vehicle safety checks|Logistics basics|Using a diagnostic scanner|Reading a schedule|Teamwork on a crew|Workplace safety",
        places="auto shop|bus yard|distribution center|port terminal|airport hangar|transit operations center",
        topics="how goods move through the ports|careers in aviation|electric buses and cars|keeping a city moving|what a logistics coordinator does",
        ventures="student auto detailing shop|bike repair shop|campus delivery service",
        projects="plan a new bus route for a neighborhood|redesign a bike parking area at a school|map how a shipment gets from the port to a store",
        creds="ASE Entry-Level certification|OSHA 10-Hour General Industry|Forklift operator certificate",
        nouns="Logistics|Transit Services|Auto Service Centers|Freight Company|Aviation Services|Fleet Services",
        occ="Automotive Service Technicians and Mechanics;49-3023;25;hour|Heavy and Tractor-Trailer Truck Drivers;53-3032;27;hour|Aircraft Mechanics and Service Technicians;49-3011;37;hour|Shipping, Receiving, and Inventory Clerks;43-5071;20;hour",
        paths="Automotive and EV Technology|Logistics and Supply Chain|Aviation Maintenance",
    ),
}

SECTORS: dict[str, dict[str, list[str]]] = {sid: {k: _p(v) for k, v in pools.items()} for sid, pools in _SECTORS_RAW.items()}
GENERIC_SECTOR = "marketing-sales-and-services"  # pools used for a sector the region adds later

PLACES = _p(
    "Alder Creek|Amber Hill|Arbor Vista|Bluebird|Blue Heron|Brightwater|Canyon Gate|Cedar Crest|Clearwater|Cobalt Bay|Copper Hill|"
    "Coral Point|Crescent|Cypress Glen|Dover Ridge|Eastwind|Elmwood|Evergreen|Fairlane|Foxglove|Golden Poppy|Greenleaf|Hillcrest|"
    "Ironwood|Jacaranda|Juniper|Kestrel|Lakeview|Larkspur|Linden|Magnolia|Maple Grove|Marigold|Meadowlark|Millbrook|Mission Oaks|"
    "Northstar|Oakridge|Olive Grove|Orchard Park|Pacific Crest|Pine Ridge|Quail Run|Redstone|Red Tail|Riverbend|Rosewood|Sagewood|"
    "Seabreeze|Sierra Vista|Silver Creek|Skyline|Starlight|Stonegate|Suncrest|Sunrise Valley|Sycamore|Tidewater|Timberline|Twin Oaks|"
    "Westbrook|Willow Creek|Windward|Harborview|Arroyo Linda|Mesa Verde|Palm Terrace|Los Robles|Bayshore|Vista Alegre|Hummingbird|"
    "Desert Rose|Foothill Crest|Ocean Gate|Poinsettia|Monarch|Granite Peak|Lantern Bay|Sunflower|Tierra Nueva"
)
KIND_NOUNS = {
    "intermediary": _p(
        "Career Hub|Youth Workforce Network|Chamber Youth Network|Career Pathways Alliance|Youth Opportunity Center|Regional Career Collaborative"
    ),
    "school-district": _p("Unified School District|Union High School District|School District"),
    "college": _p("Community College|College|Technical College"),
    "staffing-agency": _p("Youth Staffing|Student Employment Services|Workforce Staffing|Teen Jobs Staffing"),
}
# Public agencies and nonprofits: name ending and the sector it implies.
AGENCIES = [
    tuple(x.split(";"))
    for x in _p(
        "Water Agency;energy-environment-and-utilities|Parks and Recreation Department;hospitality-tourism-and-recreation|"
        "Public Library;education-child-development-and-family-services|Public Works Department;engineering-and-architecture|"
        "Transit Authority;transportation|Fire Department;public-services|Health Department;health-science-and-medical-technology|"
        "Sanitation District;energy-environment-and-utilities|Housing Authority;building-and-construction-trades|Harbor Department;transportation"
    )
]
NONPROFITS = [
    tuple(x.split(";"))
    for x in _p(
        "Makers Collective;fashion-and-interior-design|Youth Arts Center;arts-media-and-entertainment|Urban Farm Project;agriculture-and-natural-resources|"
        "Family Services Center;education-child-development-and-family-services|Tech Access Foundation;information-and-communication-technologies|"
        "Conservation Corps;energy-environment-and-utilities|Youth Film Academy;arts-media-and-entertainment|Legal Aid Society;public-services|"
        "Community Health Alliance;health-science-and-medical-technology|Small Business Development Center;business-and-finance"
    )
]

# ZIP codes of areas.yml with their postal city. A ZIP missing here uses the area's first city.
_ZIP_CITY = (
    "Los Angeles:90001 90002 90003 90004 90005 90006 90007 90008 90010 90011 90012 90013 90014 90015 90016 90017 90018 90019 90020 "
    "90021 90023 90024 90025 90026 90027 90028 90029 90031 90032 90033 90034 90035 90036 90037 90038 90039 90041 90042 90043 90044 90045 "
    "90046 90047 90048 90049 90057 90059 90061 90062 90063 90064 90065 90066 90067 90068 90071 90089 90293 91311 91316 91343 "
    "91344 91345 91356 91364 91367 91403 91423 91436 91604 91607|West Hollywood:90069|East Los Angeles:90022|Montebello:90640|"
    "Compton:90220 90221 90222|Commerce:90040|Vernon:90058|Bell:90201|Downey:90240 90241 90242|Huntington Park:90255|Lynwood:90262|Maywood:90270|"
    "South Gate:90280|Whittier:90601 90602 90603 90604 90605 90606|La Mirada:90638|Norwalk:90650|Pico Rivera:90660|"
    "Santa Fe Springs:90670|Artesia:90701|Cerritos:90703|Bellflower:90706|Lakewood:90712 90713 90715|Hawaiian Gardens:90716|"
    "Paramount:90723|Signal Hill:90755|El Segundo:90245|Gardena:90247 90248 90249|Hawthorne:90250|Hermosa Beach:90254|Lawndale:90260|"
    "Manhattan Beach:90266|Palos Verdes Estates:90274|Rancho Palos Verdes:90275|Redondo Beach:90277 90278|"
    "Inglewood:90301 90302 90303 90304 90305|Torrance:90501 90502 90503 90504 90505|Harbor City:90710|Lomita:90717|"
    "San Pedro:90731 90732|Wilmington:90744|Carson:90745 90746|Long Beach:90802 90803 90804 90805 90806 90807 90808 90810 90813 90814 90815|"
    "Beverly Hills:90210 90211 90212|Culver City:90230 90232|Malibu:90265|Pacific Palisades:90272|Venice:90291|Marina del Rey:90292|"
    "Santa Monica:90401 90402 90403 90404 90405|Glendale:91201 91202 91203 91204 91205 91206|Calabasas:91302|Canoga Park:91303 91304 91306|"
    "Northridge:91324 91325|Pacoima:91331|Reseda:91335|San Fernando:91340|Sylmar:91342|Sun Valley:91352|"
    "Van Nuys:91401 91405 91406 91411|Panorama City:91402|Burbank:91501 91502 91504 91505 91506|North Hollywood:91601 91602 91605 91606|"
    "Newhall:91321|Saugus:91350|Canyon Country:91351 91387|Valencia:91354 91355|Stevenson Ranch:91381|Castaic:91384|Altadena:91001|"
    "Arcadia:91006 91007|Duarte:91010|Monrovia:91016|South Pasadena:91030|Pasadena:91101 91103 91104 91105 91106 91107|Azusa:91702|"
    "Baldwin Park:91706|Claremont:91711|Covina:91722 91723 91724|El Monte:91731 91732|South El Monte:91733|Glendora:91740 91741|"
    "La Puente:91744 91746|Hacienda Heights:91745|Rowland Heights:91748|La Verne:91750|Monterey Park:91754 91755|Diamond Bar:91765|"
    "Pomona:91766 91767 91768|Rosemead:91770|San Dimas:91773|San Gabriel:91775 91776|Temple City:91780|Walnut:91789|"
    "West Covina:91790 91791 91792|Alhambra:91801 91803|Acton:93510|Lancaster:93534 93535 93536|Littlerock:93543|"
    "Palmdale:93550 93551 93552|Pearblossom:93553"
)
ZIP_CITY = {z: city for part in _ZIP_CITY.split("|") for city, zips in [part.split(":")] for z in zips.split()}

# Transit from each area (real lines); "{walk}" is filled in.
TRANSIT = {
    k: _p(v)
    for k, v in {
        "central-la": "Metro B Line to Vermont/Sunset, then {walk}|Metro D Line to Wilshire/Western, then {walk}|Metro B or D Line to Pershing Square, then {walk}|"
        "Metro A or E Line to 7th Street/Metro Center, then {walk}|Metro Rapid 720 on Wilshire Boulevard, then {walk}|DASH Downtown buses stop {near}",
        "east-la": "Metro E Line to Indiana station, then {walk}|Metro A Line to Highland Park station, then {walk}|Metro E Line to Mariachi Plaza, then {walk}|"
        "Montebello Bus Lines stop {near}|Metro Local 18 on Whittier Boulevard, then {walk}",
        "south-la": "Metro A Line to Vernon station, then {walk}|Metro K Line to Leimert Park station, then {walk}|Metro E Line to Expo Park/USC, then {walk}|"
        "Metro J Line to Harbor Freeway station, then {walk}|Metro Local 204 on Vermont Avenue stops {near}",
        "southeast-la": "Metro C Line to Lakewood Boulevard, then {walk}|Metro A Line to Florence station, then {walk}|Metro Local 60 on Pacific Boulevard stops {near}|"
        "Metro C Line to Long Beach Boulevard, then {walk}",
        "gateway-cities": "Metro C Line to Norwalk station, then {walk}|Norwalk Transit buses stop {near}|Long Beach Transit route 1 stops {near}|"
        "Metrolink to Norwalk/Santa Fe Springs, then {walk}|Metro Local 62 on Telegraph Road, then {walk}",
        "south-bay-harbor": "Metro A Line to Downtown Long Beach, then {walk}|Metro J Line to San Pedro, then {walk}|Torrance Transit buses stop {near}|"
        "Metro C Line to Hawthorne/Lennox, then {walk}|Long Beach Transit Passport shuttle stops {near}|Metro K Line to Downtown Inglewood, then {walk}",
        "westside": "Metro E Line to Downtown Santa Monica, then {walk}|Big Blue Bus routes stop {near}|Culver CityBus line 1 stops {near}|"
        "Metro E Line to Culver City station, then {walk}|Metro D Line to Wilshire/La Cienega, then {walk}",
        "san-fernando-valley": "Metro G Line to Van Nuys station, then {walk}|Metro B Line to North Hollywood, then {walk}|Glendale Beeline buses stop {near}|"
        "Metrolink to Burbank Downtown, then {walk}|Metro G Line to Reseda station, then {walk}|BurbankBus stops {near}",
        "santa-clarita-valley": "Santa Clarita Transit buses stop {near}|Metrolink to Newhall station, then {walk}|Metrolink to Via Princessa, then {walk}",
        "san-gabriel-valley": "Metro A Line to Memorial Park, then {walk}|Foothill Transit buses stop {near}|Metro J Line to El Monte station, then {walk}|"
        "Metro A Line to Azusa Downtown, then {walk}|Metrolink to Pomona North, then {walk}",
        "antelope-valley": "AVTA local buses stop {near}|Metrolink to Lancaster station, then {walk}|Metrolink to Palmdale station, then {walk}",
    }.items()
}
WALKS = _p("a short walk|a five-minute walk|a ten-minute walk|a short bus ride|a 12-minute walk")
NEARS = _p("in front of the building|at the corner|across the street|half a block away|at the main entrance")
STREETS = _p(
    "Main St|Broadway|Figueroa St|Vermont Ave|Western Ave|Whittier Blvd|Atlantic Ave|Pacific Blvd|Sepulveda Blvd|Van Nuys Blvd|"
    "Colorado Blvd|Valley Blvd|Lakewood Blvd|Imperial Hwy|Florence Ave|Sunset Blvd|Pico Blvd|Olympic Blvd|Crenshaw Blvd|"
    "Long Beach Blvd|Garey Ave|Lancaster Blvd|Magic Mountain Pkwy|Foothill Blvd|Soto St|Cesar E Chavez Ave|Anaheim St|Gaffey St"
)
AREA_CODES = {
    "central-la": "213",
    "east-la": "323",
    "south-la": "323",
    "southeast-la": "562",
    "gateway-cities": "562",
    "south-bay-harbor": "310",
    "westside": "310",
    "san-fernando-valley": "818",
    "santa-clarita-valley": "661",
    "san-gabriel-valley": "626",
    "antelope-valley": "661",
}
# Languages heard in each area besides English and Spanish.
AREA_LANGS = {
    "central-la": "ko tl hy fa",
    "east-la": "zh vi",
    "south-la": "ar",
    "southeast-la": "ar",
    "gateway-cities": "km tl ko",
    "south-bay-harbor": "km ja tl",
    "westside": "fa ru ja",
    "san-fernando-valley": "hy ru fa",
    "santa-clarita-valley": "tl ko",
    "san-gabriel-valley": "zh vi",
    "antelope-valley": "tl ar",
    "online": "zh ko vi",
}
FIELDS = {
    k: _p(v)
    for k, v in {
        "agriculture-and-natural-resources": "Urban Farming|Natural Resources|Plant Science",
        "arts-media-and-entertainment": "Film and Media|Animation|Live Theater",
        "building-and-construction-trades": "Construction|Electrical Trades|Skilled Trades",
        "business-and-finance": "Finance|Accounting|Small Business",
        "education-child-development-and-family-services": "Early Childhood|Teaching|Youth Services",
        "energy-environment-and-utilities": "Clean Energy|Water Quality|Environmental Science",
        "engineering-and-architecture": "Engineering|Architecture|Civil Design",
        "fashion-and-interior-design": "Fashion|Interior Design|Apparel Production",
        "health-science-and-medical-technology": "Health Care|Allied Health|Public Health",
        "hospitality-tourism-and-recreation": "Hospitality|Culinary Arts|Recreation",
        "information-and-communication-technologies": "IT Support|Cybersecurity|Web Development",
        "manufacturing-and-product-development": "Manufacturing|Machining|Robotics",
        "marketing-sales-and-services": "Retail|Marketing|Customer Service",
        "public-services": "Public Safety|Law and Justice|City Government",
        "transportation": "Logistics|Auto Technology|Aviation",
    }.items()
}

# Titles per format; `paid>` marks a template used only for paid listings.
TITLES = {
    k: _p(v)
    for k, v in {
        "career-talk": "Meet a {Role}: Classroom Career Talks|{Role} Career Talks for {Area} Classrooms|Career Talks with {Short} {Roles}|Life as a {Role}: Career Talks in {City}",
        "career-fair": "{Area} {Field} Career Fair|{Season} {Field} Careers Expo in {City}|{Short} {Field} Career Night|{Field} Career Fair at the {Short} {Place}",
        "workplace-tour": "Behind the Scenes at the {Short} {Place}|{Place} Tour in {City}|{Short} {Place} Tour for Student Groups|Visit a Working {Place} in {City}",
        "job-shadow": "Shadow a {Role} in {City}|{Role} Job Shadow Day at {Short}|A Day with {Short} {Roles}|Job Shadow at the {Short} {Place}",
        "informational-interview": "Ask a {Role}: Informational Interviews|Informational Interviews with {Short} {Roles}|Talk with {Roles} in {City}|{Field} Career Conversations at {Short}",
        "mentoring": "{Role} Mentoring Circles in {City}|One-on-One Mentoring with {Short} {Roles}|{Field} Mentoring Program at {Short}|Mentoring with {Roles} in {Area}",
        "service-learning": "{Field} Service Learning in {City}|Community Service with {Short} {Roles}|Youth Service Corps: {Field} in {City}|{Short} {Field} Service Days",
        "school-based-enterprise": "Student-Run {Venture} at {Short}|{Short} {Venture}|The {Venture} in {City}|Run a {Venture} with {Short}",
        "simulated-workplace": "Simulated Workplace: {Short} {Venture}|{Field} Simulated Workplace in {City}|{Short} {Field} Simulated Workplace",
        "project": "{Field} Industry Project with {Short}|Design Challenge with {Short} {Roles}|Team Project: {Field} in {City}|{Short} {Field} Challenge",
        "internship": "{Season} {Role} Internship|{Role} Internship at {Short}|paid>Paid {Role} Internship in {City}|{Field} Internship at the {Short} {Place}|{Role} Internship in {City}",
        "pre-apprenticeship": "{Role} Pre-Apprenticeship in {City}|{Short} {Field} Pre-Apprenticeship|{Field} Pre-Apprenticeship for High School Students",
        "apprenticeship": "{Role} Apprenticeship at {Short}|Registered {Role} Apprenticeship in {City}|{Short} {Field} Apprenticeship",
        "cooperative-education": "{Role} Co-op with College Classes|{Short} {Role} Co-op Program|Earn-and-Learn {Field} Co-op in {City}",
        "summer-youth-employment": "Summer Youth Jobs: {Role} in {City}|{Short} Summer Jobs for Teens|Summer {Roles} Crew in {City}|{Field} Summer Jobs at {Short}",
    }.items()
}
TITLE_FALLBACK = _p("{Field} {Fmt} at {Short}|{Fmt}: {Field} in {City}")

INTROS = {
    k: _p(v)
    for k, v in {
        "awareness": "{org} opens its {place} in {city} to classes that want to see {topic} up close.|What does a {role} actually do all day? "
        "At this {fmt} from {org}, students in {grades} find out from the people who do the work.|Each {season}, {org} brings together {n} {roles} "
        "and {role2s} from across {area} to talk with students about {topic}.|This {fmt} introduces students in {grades} to {topic}, hosted by "
        "{org} in {city}.|Students hear how a {role} and a {role2} got their start, and why {topic} matters in {area}.",
        "exploration": "Spend time next to a {role} at the {place} that {org} runs in {city}, and see what the job looks like on an ordinary day.|"
        "This {fmt} pairs each student with a {role} or a {role2} at {org} for a close look at {topic}.|Curious about {topic}? {org} hosts "
        "small groups of students from {area} at its {place} in {city}.|{org} welcomes students who want to ask a {role} real questions before "
        "they choose a career path.",
        "preparation": "Students in this {fmt} work like a real team with {org}, with a focus on {skill1} and {skill2}, over {weeks} weeks.|{org} runs "
        "this {fmt} for students in {grades} who want hands-on practice before their first job.|Teams of {group} students meet {day} with {roles} "
        "from {org} to {project}.|This {fmt} in {city} gives students steady time with {roles} from {org}, who coach them on {skill1} and {skill2}.|"
        "venture>Students run a {venture} with help from {org}, from the first order of the week to the final count of the cash box.",
        "training": "Participants join the team at the {org} {place} in {city} for {weeks} weeks and work {hours} hours a week next to {roles}.|"
        "paid>This {fmt} at {org} is a real job: students are paid, supervised by a {role}, and trusted with work that matters.|{org} brings in "
        "students from across {area} to learn the work of a {role} at its {place} in {city}.|Over {weeks} weeks, each participant rotates "
        "through the {place} and the {place2} at {org}, learning from {roles} and {role2s}.|paid>Earn while you learn: {org} pays students to "
        "build {skill1} and {skill2} on the job in {city}.",
    }.items()
}
BODY = _p(
    "In the first week you {task1} and learn the safety rules of the {place}.|Most days you {task1}, {task2} and {task3}.|You will use "
    "{tool1} and {tool2}, with a {role} showing you each step.|A {role2} checks in with you every week and helps you set one goal for the next."
    "|Students watch how {roles} {task2}, and then try it themselves.|By the end, you can explain how a {place} runs and what it takes to "
    "become a {role}.|Past participants said the best part was the chance to {task4}.|Staff at {short} have hosted students for {years} "
    "years and plan each session with local teachers.|The group is small, about {group} students, so everyone gets time to ask questions.|"
    "Bring your questions: {roles} will talk about pay, training and how they found their first job.|At the end, each student presents what "
    "they learned to staff from {short} and to their families.|You will practice {skill1} and {skill2}, two things employers ask for again "
    "and again.|{short} works with {n2} schools and colleges in {area} to find students for this {fmt}.|Time is set aside each week to "
    "{task4} with a {role2}.|Tasks grow with you: you start by watching, then {task1}, and later {task3}.|Expect to {task2}, {task3} and keep "
    "notes in a short work journal.|awareness>Students try a short hands-on activity, such as working with {tool1}.|awareness>Teachers get a "
    "one-page activity sheet to use in class afterward.|es>Staff at the {place} speak Spanish and can answer questions from families.|paid>"
    "You are paid every two weeks, and shifts are planned around school.|training>Strong participants are often invited back or offered a "
    "part-time job.|cred>Students who finish can earn a credential: {cred}.|mentor>Every student is paired with a mentor from {short} who has coached "
    "young people before.|credit>The experience counts toward {credit}.|multi>Students are matched with the site closest to home or school."
)
BULLETS = _p(
    "hours>{hours} hours a week for {weeks} weeks|Work alongside {roles} and {role2s}|Learn to use {tool1}|Practice {skill1} and {skill2}|"
    "unpaid>Free to take part|paid>Paid ${amount} an hour|stipend>A ${amount} stipend for students who finish|cred>Credential: {cred}|"
    "mentor>A named mentor from {short}|Open to students in {grades}|es>Spanish-speaking staff on site|transport>{transport}|"
    "Space for {seats} students|Close to public transit in {city}|Ends with a showcase for families and staff|credit>Counts toward {credit}|"
    "Safety training on the first day|A certificate of completion and a reference letter|Try {tool2} yourself|Snacks and water provided|"
    "Meets {day}|Questions welcome before you apply"
)
SUMMARIES = {
    k: _p(v)
    for k, v in {
        "awareness": "A {fmt} in {city} where students in {grades} meet {roles} and learn about {topic}.|Staff from {short} share {topic} "
        "with classes from {area}, with time for questions.|Students visit the {short} {place} in {city} to learn about {topic} from {roles}.",
        "exploration": "Spend time beside a {role} at the {short} {place} in {city} and ask about the training the job takes.|Small groups of "
        "students visit {short} in {city} to see how {roles} {task1}.|Ask {roles} at {short} about their work, their pay and how they started.",
        "preparation": "Work with {roles} from {short} on a real assignment: {project}.|A {weeks}-week {fmt} where students {task1} and "
        "practice {skill1} with coaches from {short}.|Students in {grades} {task1} and build {skill1} with a team from {short} in {city}.",
        "training": "{pay} {weeks}-week {fmt} at the {short} {place} in {city}, where students {task1}.|Work {hours} hours a week beside "
        "{roles} at {short} and learn to {task1}.|{pay} {fmt} in {city}: learn to {task1} with {roles} from {short}.",
    }.items()
}

# Spanish text: "oportunidad" (feminine) is the subject, so format names never need an article.
ES_TITLES = _p(
    "{fmt_es} en {city} con {short}|{fmt_es} en {short}: {sector_es}|{fmt_es} en {short}: {city}|{fmt_es} con {short} ({season_es})"
)
ES_SUMMARIES = _p(
    "Una oportunidad de {org} en {city} para estudiantes de {grades_es}, con {seats} lugares disponibles.|"
    "Estudiantes de {grades_es} conocen el trabajo en {short}, en {city}, con apoyo del personal.|"
    "Una oportunidad en {area_es} para aprender de cerca cómo se trabaja en {short}."
)
ES_BODY = _p(
    "Esta oportunidad de {org} se realiza en {city}, en la zona de {area_es}, y está abierta a estudiantes de {grades_es}.|"
    "Los participantes conocen de cerca el trabajo del sector y hablan con personas que lo hacen todos los días.|"
    "hours>Durante {weeks} semanas, los estudiantes dedican unas {hours} horas por semana a tareas reales con el apoyo de un supervisor.|"
    "Hay lugar para {seats} estudiantes, y el equipo de {short} acompaña a cada grupo.|Cada estudiante recibe comentarios al inicio y al final.|"
    "es>El personal de {short} habla español y puede responder preguntas de las familias.|paid>Se paga ${amount} por hora, cada dos semanas.|"
    "stipend>Los estudiantes reciben un estipendio al completar el programa.|unpaid>No tiene costo para las familias.|"
    "Al final, los estudiantes presentan lo que aprendieron ante el personal y sus familias.|"
    "La actividad se ofrece en {season_es} y las fechas exactas se confirman al inscribirse.|mentor>Un mentor o una mentora acompaña a cada estudiante."
)
ES_BULLETS = _p(
    "{seats} lugares disponibles|Para estudiantes de {grades_es}|hours>{hours} horas por semana durante {weeks} semanas|"
    "Sitio en {city}|es>Apoyo en español|paid>Pago de ${amount} por hora|unpaid>Sin costo|Capacitación de seguridad el primer día|"
    "Carta de recomendación al terminar"
)

EVIDENCE = {
    k: _p(v)
    for k, v in {
        "collaborative-design": "Teachers from {n} schools helped plan the activities this year.|Staff and school partners review the plan together every {season}.|A design team of {n} employers and teachers meets twice a year.",
        "partnerships": "Works with {n} schools and {n2} community partners in {area}.|A written agreement with the district is renewed every year.|Two community organizations refer students.",
        "staffing-and-infrastructure": "A coordinator spends about {n} hours a week on the program.|Supervisors get a handbook and a one-hour orientation.|A site coordinator at each location handles scheduling.",
        "data-and-accountability": "Attendance and a short survey are recorded for every student.|Results are shared with schools each {season}.|{pct}% of students answered the end-of-program survey last year.",
        "student-career-success": "Students are evaluated at the start and at the end.|{pct}% of last year's participants finished the program.|Each student leaves with an updated resume.",
        "credit-for-learning-from-work": "Students can earn {n} units of work experience credit.|A partner college grants credit for the final project.|Students may ask their school for work experience credit.",
        "social-capital": "Each student meets at least {n} professionals.|Students leave with a reference from their supervisor.|Alumni are invited back to speak to new students.",
        "competencies-for-family-sustaining-careers": "Tasks are mapped to entry-level job skills in {field}.|Students practice skills named in regional job postings.|The program covers skills for jobs that pay above the county median.",
    }.items()
}
EVIDENCE_ANY = _p("Staff reviewed this criterion with a school partner this year.|Reviewed with {n} partner schools in {season}.")

CONTACT_ROLES = _p(
    "Internship program office|Youth programs team|Student placement team|Career education office|Work-based learning coordinator|"
    "Community outreach team|Speaker bureau|Apprenticeship office|Education partnerships office|Early careers team|"
    "Talent development office|Student programs desk"
)
DAYS = _p(
    "on Tuesday afternoons|on Saturday mornings|twice a week after school|on Wednesdays after school|every other Friday|on Thursday evenings"
)
TIMES = _p(
    "Weekdays, daytime|Weekday afternoons after 3:30 p.m.|Saturdays, 9 a.m. to 1 p.m.|During class time|Weekdays, 8 a.m. to 4:30 p.m.|"
    "Two afternoons a week and some Saturdays|Evenings, 5 to 8 p.m.|Mornings, 9 a.m. to noon"
)
TRANSPORT = _p(
    "Free Metro TAP card for the whole program.|Bus passes for students who need them.|Sites are placed in students' own neighborhoods where possible.|"
    "A van picks students up at two partner high schools.|Mileage and transit costs are reimbursed every two weeks."
)
TRAINING = _p(
    "A paid orientation on workplace safety and expectations.|Weekly learning sessions on careers and planning.|A two-day bootcamp before the first shift.|"
    "Short skills workshops every week.|Monthly career workshops with guest speakers."
)
ACCOMMODATIONS = _p(
    "Ask the site coordinator about accommodations.|Sites are wheelchair accessible; tell us what else you need.|"
    "Tell your counselor what you need, and we will arrange it with the site."
)
REQUIREMENTS = _p(
    "Parent or guardian permission form|Closed-toe shoes|A short interest statement|Counselor or teacher recommendation|"
    "Passing grades in all classes|Attend one orientation session|No experience needed|Proof of enrollment"
)
DOCUMENTS = _p(
    "Online application|Interest statement|Work permit (after you are accepted)|Parent or guardian consent form|Resume (a simple one is fine)|"
    "Teacher recommendation"
)

# Organizations: (summary, first paragraph, second paragraph) per kind; {fmts} lists what it offers.
ORG_TEXT = {
    k: tuple(_p(v))
    for k, v in {
        "employer": "A fictional {field} employer in {city} with about {staff} employees that hosts students from across {area}.|"
        "{name} is a sample employer based in {city}. Its {staff} employees include {roles} and {role2s} who work at {n_loc} "
        "locations in {area}.|The company has opened its doors to students for {years} years. It works with nearby high schools and "
        "colleges to offer {fmts}, and its staff volunteer as supervisors and mentors.",
        "intermediary": "A fictional intermediary that connects {employers} employers in {area} with schools and students.|{name} is a sample "
        "intermediary that brings employers and schools together in {area}. Instead of each school calling each business, the network "
        "recruits employers once and matches them with students from {schools} schools.|It runs {fmts}, coaches the supervisors who host "
        "students, and follows up with every participant at the end of each program.",
        "school-district": "A fictional school district in {area} serving about {students} students in {schools} schools.|{name} is a sample "
        "school district in {area}. Its career technical education pathways serve about {students} students in {schools} schools.|The "
        "district runs {fmts} on its own campuses and with local employers, and its work-based learning coordinators help teachers plan each "
        "experience.",
        "college": "A fictional community college in {city} with career programs in {field} and more.|{name} is a sample community college "
        "in {city} that serves about {students} students a year. Its career programs lead to certificates and associate degrees.|The college "
        "offers {fmts} for its own students and for high school students who take dual-enrollment classes.",
        "public-agency": "A fictional public agency in {city} that runs the local {noun} and hosts students every year.|{name} is a sample "
        "public agency that serves {city} and nearby communities in {area}. About {staff} staff work in its offices and field sites.|"
        "It offers {fmts} so that young people can see how public jobs work and how to apply for them.",
        "staffing-agency": "A fictional staffing agency that hires students 16 and older so that other employers can host paid interns.|"
        "{name} is a sample staffing agency in {city}. Many employers want to host a paid student but cannot add a minor to their own "
        "payroll, so the agency becomes the employer of record.|It hires the student, runs payroll, carries workers' compensation and checks "
        "work permits, while the host employer supervises the work. It also runs {fmts} of its own.",
        "nonprofit": "A fictional nonprofit in {city} that teaches young people {field} skills.|{name} is a sample nonprofit in {city} with "
        "{staff} staff and many volunteers from {area}.|Since its founding {years} years ago it has offered {fmts}, free of charge for "
        "families.",
    }.items()
}
ORG_ES = _p(
    "Una organización de ejemplo en {city} que recibe a estudiantes de {area_es}.|"
    "{name} es una organización de ejemplo con sede en {city}. Trabaja con escuelas de {area_es} y ofrece experiencias de trabajo "
    "para estudiantes desde hace {years} años.|Su personal acompaña a cada estudiante y explica a las familias cada paso del programa."
)
EOR_NOTES = {
    "employer": "Hires student interns as temporary part-time staff through its own payroll.",
    "intermediary": "Puts paid interns on its own payroll while they work at partner employers.",
    "school-district": "Pays student workers through the district payroll; partner employers supervise the work.",
    "college": "Hires student workers through the college's student employment office.",
    "public-agency": "Hires youth as seasonal part-time staff.",
    "staffing-agency": "Hires students as temporary employees and handles payroll, workers' compensation and work permits for host employers.",
    "nonprofit": "Pays stipends and wages through its own payroll.",
}
PATHWAY_TEXT = _p(
    "A sample pathway into {field} careers, from {first} in middle school to {last} and a community college program.|"
    "This sample pathway shows how students in Los Angeles County can move toward careers in {field}, such as {occs}.|"
    "Students start with short visits and talks, build skills in high school courses, and then learn through paid work. Many of "
    "the jobs at the end need a certificate or an associate degree, and some lead to a bachelor's degree."
)
STAGE_TEXT = {
    "awareness": "Students learn what work in {field} looks like and meet people who do it.",
    "exploration": "High school students take a first course and see the work up close.",
    "preparation": "Students build skills, earn a first credential and get to know professionals.",
    "training": "Students learn through paid work, then finish a certificate or degree.",
}

# Invented brand names (a first and a second part) and surnames for partner schools: real catalogs are full of
# proper nouns, so the search index of a synthetic catalog should be too.
BRAND_HEADS = _p(
    "Al|Bel|Cal|Dar|El|Fen|Hal|Is|Jun|Kel|Lor|Mar|Nov|Or|Pel|Quin|Ros|Sol|Tal|Ul|Ven|Wil|Xan|Yor|Zel|Bry|Cor|Dav|Ev|"
    "Flor|Gal|Har|Ir|Lum|Mer|Nor|Ost|Pra|Rev|Sen|Tor|Val|Ash|Bren|Cas|Del|Em|Ferr|Hol|Jas|Kin|Lan|Mon|Par|Rad|Sam|Tem|Vir"
)
BRAND_TAILS = _p(
    "ara|ella|ent|era|ia|ica|ion|is|ix|on|ora|ova|um|us|ano|eda|ino|ton|wick|ford|ley|mont|ridge|vale|wood|stone|"
    "brook|field|haven|crest|view|point|gate|mark|line|way|path|well|dale|berg"
)
SURNAMES = _p(
    "Garcia|Hernandez|Lopez|Martinez|Gonzalez|Rodriguez|Ramirez|Flores|Torres|Rivera|Gomez|Diaz|Reyes|Morales|Cruz|Ortiz|Gutierrez|"
    "Chavez|Ramos|Ruiz|Alvarez|Castillo|Jimenez|Vasquez|Romero|Herrera|Medina|Aguilar|Vargas|Nguyen|Tran|Pham|Le|Kim|Lee|Park|"
    "Choi|Chen|Wang|Li|Liu|Zhang|Huang|Wong|Santos|Bautista|Mendoza|Dela Cruz|Aquino|Petrosyan|Sarkisian|Hakobyan|Grigoryan|"
    "Tanaka|Yamamoto|Nakamura|Sok|Chhim|Washington|Jackson|Johnson|Williams|Brown|Davis|Harris|Robinson|Walker|Young|King|Wright|"
    "Scott|Green|Baker|Adams|Nelson|Carter|Mitchell|Roberts|Turner|Phillips|Campbell|Parker|Evans|Edwards|Collins|Stewart|Morris|"
    "Murphy|Cook|Rogers|Morgan|Bell|Bailey|Cooper|Howard|Ward|Brooks|Kelly|Sanders|Price|Bennett|Wood|Barnes|Ross|Henderson|Coleman|"
    "Jenkins|Perry|Powell|Long|Patterson|Hughes|Butler|Simmons|Foster|Bryant|Alexander|Russell|Griffin|Hayes|Myers|Ford|"
    "Hamilton|Graham|Sullivan|Wallace|Woods|Cole|West|Jordan|Owens|Reynolds|Fisher|Ellis|Harrison|Gibson|Mcdonald|Marshall|Tapia|"
    "Zamora|Cervantes|Navarro|Salazar|Delgado|Rios|Sandoval|Ochoa|Valenzuela|Contreras|Acosta|Figueroa|Cabrera|Pacheco|Villanueva"
)
SCHOOL_KINDS = _p(
    "High School|Middle School|Academy|Senior High School|Learning Center|STEM Academy|Magnet High School|Continuation High School"
)
PARTNER_BODY = _p(
    "Students come from {school1} and {school2}, and anyone in {area} may apply.|Teachers at {school1} helped design the activities.|"
    "{partner} lends equipment and sends two volunteers to every session.|Graduates of the program now work at {partner} and at {short}.|"
    "The program started as a pilot with {school1} and has grown every year since.|A counselor from {school2} visits to help with next steps.|"
    "{short} and {partner} share the supervision, so students see two workplaces.|Last year a team from {school1} won the final showcase."
)
PARTNER_BULLETS = _p("Run with {partner}|Priority for students at {school1} and {school2}|Guest speakers from {partner}")
MORE_BODY = _p(
    "Nobody expects you to know the work already; curiosity and showing up on time matter more.|Each session opens with a ten-minute "
    "check-in about what went well and what was hard.|You get a clear list of tasks on day one, and it changes as you learn.|Supervisors "
    "at {short} were once students in programs like this one.|Families are invited to an open house before the start so they can meet "
    "the team.|Lunch breaks are a good time to ask {roles} how they chose the field.|The work is real: what you make or fix is used by "
    "the team afterward.|Expect some noise, some waiting and a lot of learning by doing.|If you miss a day, tell your supervisor ahead "
    "of time; that is part of the job too.|You will keep a short portfolio with photos and notes, which helps when you apply for your "
    "next job.|The team uses plain language and explains every acronym, so ask when something is new.|Halfway through, you sit down "
    "with a {role} to talk about your progress and what you want to try next.|Guest visits from {partner} show how other workplaces do "
    "the same job.|Everyone starts with the basics: where things go, who to ask and how to stay safe.|Many past participants went on to "
    "study {field} at a community college in {area}.|Some weeks are busy and some are quiet; both teach you how the work really "
    "flows.|You will write a short reflection every week, and staff read and answer each one.|The {place} has lockers, a break room "
    "and a first aid station.|Women and students who are new to the field are especially encouraged to apply.|Students who need "
    "a quiet space or extra time can ask for it at any point.|The last day includes a mock interview with hiring staff from {short}.|"
    "You can bring a parent or guardian to the orientation to ask their own questions."
)
GENERIC_TASKS = _p(
    "sit in on a team meeting|update a checklist for the next shift|greet visitors and point them to the right place|sort and label "
    "supplies|take notes during a training session|help set up for a community event|interview a staff member about their career path|"
    "present a short update to the team|organize a shared folder of photos and files|practice a safety drill|count and record inventory|"
    "write a thank-you note to a partner|compare two ways of doing the same task|time how long a routine job takes|draft a how-to sheet for "
    "new students|help clean and reset the workspace|track a small project on a whiteboard|listen in on a customer call"
)
