// Word lists for believable demo contacts and products. Addresses use reserved example domains
// (RFC 2606 / 6761), so no generated contact can ever receive a real email.

export const FIRST_NAMES = [
  "Emma", "Liam", "Olivia", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Mia", "Mateo", "Amelia", "Leo",
  "Charlotte", "Ethan", "Harper", "James", "Isabella", "Benjamin", "Lena", "Jonas", "Hannah", "Felix",
  "Léa", "Hugo", "Chloé", "Louis", "Lucía", "Pablo", "María", "Javier", "Giulia", "Lorenzo", "Sofia",
  "Matteo", "Sanne", "Daan", "Freya", "Oscar", "Ingrid", "Erik", "Ana", "Gabriel", "Beatriz", "Rafael",
  "Yuki", "Haruto", "Sakura", "Ren", "Aisha", "Omar", "Priya", "Arjun", "Chen", "Mei", "Zoë", "Finn",
  "Nora", "Theo", "Maya", "Samuel", "Grace", "Daniel", "Chloe", "Jack", "Ruby", "Henry", "Ella", "Adam",
  "Clara", "Max", "Ida", "Emil", "Alice", "Victor", "Julia", "David", "Laura", "Tom", "Sara", "Nico",
];

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Martinez", "Lopez",
  "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White",
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Dubois",
  "Bernard", "Moreau", "Laurent", "Lefèvre", "Fernández", "González", "Rodríguez", "Sánchez", "Pérez",
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "de Jong", "Jansen", "Visser", "Andersson",
  "Johansson", "Karlsson", "Nilsson", "Silva", "Santos", "Oliveira", "Costa", "Sato", "Suzuki",
  "Takahashi", "Tanaka", "Khan", "Patel", "Singh", "Wang", "Li", "Zhang", "Nguyen", "Kim", "Park",
  "O'Brien", "Murphy", "Kelly", "Walsh", "Clarke", "Evans", "Hughes", "Wright", "Walker", "Hall", "Young",
];

export const EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example", "inbox.example", "post.example"];

export type Place = { country: string; region: string; city: string; timeZone: string; locale: string; phonePrefix: string };

const place = (country: string, locale: string, phonePrefix: string, cities: [string, string, string][]) =>
  cities.map(([city, region, timeZone]): Place => ({ country, region, city, timeZone, locale, phonePrefix }));

/** Places with the share of contacts living in each country. */
export const PLACES: { weight: number; places: Place[] }[] = [
  { weight: 30, places: place("US", "en-US", "+1", [
    ["New York", "NY", "America/New_York"], ["Los Angeles", "CA", "America/Los_Angeles"], ["Chicago", "IL", "America/Chicago"],
    ["Austin", "TX", "America/Chicago"], ["Seattle", "WA", "America/Los_Angeles"], ["Denver", "CO", "America/Denver"],
    ["Boston", "MA", "America/New_York"], ["Miami", "FL", "America/New_York"]]) },
  { weight: 12, places: place("GB", "en-GB", "+44", [
    ["London", "England", "Europe/London"], ["Manchester", "England", "Europe/London"], ["Edinburgh", "Scotland", "Europe/London"]]) },
  { weight: 12, places: place("DE", "de-DE", "+49", [
    ["Berlin", "Berlin", "Europe/Berlin"], ["Munich", "Bavaria", "Europe/Berlin"], ["Hamburg", "Hamburg", "Europe/Berlin"], ["Cologne", "North Rhine-Westphalia", "Europe/Berlin"]]) },
  { weight: 8, places: place("FR", "fr-FR", "+33", [["Paris", "Île-de-France", "Europe/Paris"], ["Lyon", "Auvergne-Rhône-Alpes", "Europe/Paris"], ["Marseille", "Provence-Alpes-Côte d'Azur", "Europe/Paris"]]) },
  { weight: 7, places: place("CA", "en-CA", "+1", [["Toronto", "Ontario", "America/Toronto"], ["Vancouver", "British Columbia", "America/Vancouver"], ["Montreal", "Quebec", "America/Toronto"]]) },
  { weight: 6, places: place("ES", "es-ES", "+34", [["Madrid", "Madrid", "Europe/Madrid"], ["Barcelona", "Catalonia", "Europe/Madrid"], ["Valencia", "Valencia", "Europe/Madrid"]]) },
  { weight: 5, places: place("IT", "it-IT", "+39", [["Milan", "Lombardy", "Europe/Rome"], ["Rome", "Lazio", "Europe/Rome"], ["Turin", "Piedmont", "Europe/Rome"]]) },
  { weight: 5, places: place("NL", "nl-NL", "+31", [["Amsterdam", "North Holland", "Europe/Amsterdam"], ["Rotterdam", "South Holland", "Europe/Amsterdam"], ["Utrecht", "Utrecht", "Europe/Amsterdam"]]) },
  { weight: 5, places: place("AU", "en-AU", "+61", [["Sydney", "New South Wales", "Australia/Sydney"], ["Melbourne", "Victoria", "Australia/Melbourne"], ["Brisbane", "Queensland", "Australia/Brisbane"]]) },
  { weight: 4, places: place("BR", "pt-BR", "+55", [["São Paulo", "São Paulo", "America/Sao_Paulo"], ["Rio de Janeiro", "Rio de Janeiro", "America/Sao_Paulo"]]) },
  { weight: 3, places: place("SE", "sv-SE", "+46", [["Stockholm", "Stockholm", "Europe/Stockholm"], ["Gothenburg", "Västra Götaland", "Europe/Stockholm"]]) },
  { weight: 3, places: place("JP", "ja-JP", "+81", [["Tokyo", "Tokyo", "Asia/Tokyo"], ["Osaka", "Osaka", "Asia/Tokyo"]]) },
];

export const CATEGORIES: { name: string; weight: number; minPrice: number; maxPrice: number; nouns: string[] }[] = [
  { name: "shoes", weight: 22, minPrice: 49, maxPrice: 220, nouns: ["Sneaker", "Runner", "Chelsea Boot", "Loafer", "Trail Shoe", "Sandal", "Hiking Boot"] },
  { name: "outerwear", weight: 14, minPrice: 89, maxPrice: 420, nouns: ["Parka", "Rain Jacket", "Puffer", "Trench Coat", "Fleece", "Windbreaker", "Overshirt"] },
  { name: "tops", weight: 20, minPrice: 19, maxPrice: 110, nouns: ["Tee", "Oxford Shirt", "Sweater", "Hoodie", "Polo", "Cardigan", "Henley"] },
  { name: "bottoms", weight: 14, minPrice: 39, maxPrice: 160, nouns: ["Chino", "Jeans", "Cargo Pant", "Short", "Skirt", "Jogger"] },
  { name: "accessories", weight: 14, minPrice: 9, maxPrice: 90, nouns: ["Beanie", "Scarf", "Belt", "Cap", "Gloves", "Sunglasses", "Socks"] },
  { name: "bags", weight: 8, minPrice: 29, maxPrice: 260, nouns: ["Backpack", "Tote", "Duffel", "Crossbody Bag", "Weekender"] },
  { name: "activewear", weight: 8, minPrice: 25, maxPrice: 140, nouns: ["Legging", "Running Top", "Track Jacket", "Sports Bra", "Training Short"] },
];

export const PRODUCT_ADJECTIVES = [
  "Alpine", "Harbor", "Summit", "Coastal", "Urban", "Nordic", "Canyon", "Meadow", "Drift", "Ember", "Granite",
  "Willow", "Aurora", "Cedar", "Tidal", "Sierra", "Boreal", "Dune", "Glacier", "Pine",
];
export const PRODUCT_MATERIALS = ["Wool", "Cotton", "Linen", "Leather", "Merino", "Canvas", "Recycled", "Organic", "Suede", "Tech"];

export const CAMPAIGN_THEMES = [
  ["New arrivals", "Fresh in: {category} for the season"],
  ["Weekly picks", "Our picks for you this week"],
  ["Flash sale", "24 hours only: 20% off {category}"],
  ["Back in stock", "They're back: your favourites in {category}"],
  ["Members' early access", "Early access starts now"],
  ["Style guide", "How to layer {category} this season"],
] as const;

export const SIGNUP_SOURCES = { names: ["web_form", "checkout", "popup", "instagram", "referral", "store"], weights: [30, 28, 18, 10, 8, 6] };
export const PLANS = { names: ["free", "plus", "pro"], weights: [72, 20, 8] };
export const CONSENT_WORDINGS = {
  web_form: "Newsletter sign-up form v3: \"Send me news and offers by email. Unsubscribe anytime.\"",
  checkout: "Checkout opt-in v2: \"Keep me posted about new arrivals and offers.\"",
  popup: "Welcome pop-up v5: \"Get 10% off your first order when you subscribe.\"",
  instagram: "Instagram lead form v1",
  referral: "Referral landing page v2",
  store: "In-store tablet sign-up v1",
} as const;

/** Lower-case ASCII for email local parts: "Zoë O'Brien" → "zoe", "obrien". */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
