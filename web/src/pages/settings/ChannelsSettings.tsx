import { ChannelsTable } from './ChannelsTable';
import { SpendImport } from './SpendImport';
import { SpendMonthEditor } from './SpendMonthEditor';

/** Settings → channels and spend: the channel list, one month's spend, spend import. */
export function ChannelsSettings() {
  return (
    <>
      <ChannelsTable />
      <SpendMonthEditor />
      <SpendImport />
    </>
  );
}
