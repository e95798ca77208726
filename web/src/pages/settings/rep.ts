/** A rep of the roster as GET /reps answers it. */
export interface Rep {
  userId: string;
  name: string;
  email: string;
  active: boolean;
  profile: {
    regions: string[];
    regionNames: string[];
    industries: string[];
    level: number;
    weight: number;
    capacity: number;
    department: string | null;
  } | null;
  status: {
    eligible: boolean;
    suspendedUntil: string | null;
    openMqls: number;
    consecutiveBreaches: number;
    month: string;
  };
}
